// On a shared device: after the session's idle minutes with nobody touching anything, says politely
// (an aria-live region, focus left where it is) that the device will start again, with an "I'm still
// here" button; if nobody presses anything in the minute after, goes to the reset, which deletes the
// answers. Any key, click or touch starts the wait again. Without JavaScript the page's own refresh
// (in <noscript>) does the same through the warning page.
;(function () {
  var script = document.currentScript
  if (!script) return
  var idleMs = Number(script.getAttribute('data-seconds')) * 1000
  var warningMs = Number(script.getAttribute('data-warning-seconds')) * 1000
  var resetHref = script.getAttribute('data-reset-href')
  var words = script.getAttribute('data-warning')
  var buttonWords = script.getAttribute('data-button')
  if (!(idleMs > 0) || !(warningMs > 0) || !resetHref) return
  var warnTimer
  var resetTimer
  var region

  function clearWarning() {
    if (region) region.textContent = ''
  }

  function showWarning() {
    if (!region) return
    clearWarning()
    var text = document.createElement('p')
    text.className = 'govuk-body heard-idle-warning__text'
    text.textContent = words
    var button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button govuk-!-margin-bottom-0'
    button.textContent = buttonWords
    button.addEventListener('click', restart)
    region.appendChild(text)
    region.appendChild(button)
    resetTimer = window.setTimeout(function () {
      window.location.assign(resetHref)
    }, warningMs)
  }

  function restart() {
    window.clearTimeout(warnTimer)
    window.clearTimeout(resetTimer)
    clearWarning()
    warnTimer = window.setTimeout(showWarning, idleMs)
  }

  function start() {
    region = document.createElement('div')
    region.className = 'heard-idle-warning'
    region.setAttribute('aria-live', 'polite')
    var main = document.getElementById('main-content')
    if (main) main.insertBefore(region, main.firstChild)
    ;['keydown', 'pointerdown', 'touchstart', 'input'].forEach(function (name) {
      document.addEventListener(name, restart, { passive: true })
    })
    restart()
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()

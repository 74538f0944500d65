// Read-aloud button, shown only when the browser has a speech voice.
;(function () {
  var s = window.speechSynthesis
  var U = window.SpeechSynthesisUtterance
  var d = document
  var box, label, stopLabel, button, voice, last
  var ready, on

  function set(speaking) {
    on = speaking
    button.textContent = speaking ? stopLabel : label
  }

  function end() {
    if (this === last) set(false)
  }

  function stop() {
    last = null
    s.cancel()
    set(false)
  }

  function speak() {
    if (on) return stop()
    stop()
    var parts = box.querySelectorAll('[data-read-aloud-text]')
    for (var i = 0; i < parts.length; i++) {
      var text = parts[i].textContent.replace(/\s+/g, ' ').trim()
      if (!text) continue
      last = new U(text)
      last.lang = d.documentElement.lang
      if (voice) last.voice = voice
      last.onend = last.onerror = end
      s.speak(last)
    }
    if (last) set(true)
  }

  function setUp() {
    var list = s.getVoices()
    if (ready || !list.length) return
    ready = true
    var want = d.documentElement.lang.toLowerCase().split('-')[0]
    for (var i = 0; want && !voice && i < list.length; i++) {
      if (list[i].lang.toLowerCase().indexOf(want) === 0) voice = list[i]
    }
    button = d.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button govuk-button--secondary heard-read-aloud'
    set(false)
    button.addEventListener('click', speak)
    box.parentNode.insertBefore(button, box)
    window.addEventListener('pagehide', stop)
  }

  function start() {
    box = d.querySelector('[data-read-aloud]')
    label = box && box.getAttribute('data-read-aloud-label')
    if (!label) return
    stopLabel = box.getAttribute('data-read-aloud-stop-label') || label
    setUp()
    s.onvoiceschanged = setUp
    // no voices within 2 s: give up
    setTimeout(function () {
      ready = true
    }, 2000)
  }

  if (!s || !U) return
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start)
  else start()
})()

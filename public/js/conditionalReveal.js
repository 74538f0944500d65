// GOV.UK's conditional reveal for radios: the fields that belong to an answer show only while that
// answer is chosen. Without this script (or without CSS) every field is shown and usable.
;(function () {
  var d = document

  function sync(radios) {
    for (var i = 0; i < radios.length; i++) {
      var input = radios[i]
      var target = d.getElementById(input.getAttribute('aria-controls'))
      if (!target) continue
      target.classList.toggle('govuk-radios__conditional--hidden', !input.checked)
    }
  }

  function start() {
    var groups = d.querySelectorAll('[data-module="govuk-radios"]')
    for (var g = 0; g < groups.length; g++) {
      var radios = groups[g].querySelectorAll('input[type="radio"][data-aria-controls]')
      for (var i = 0; i < radios.length; i++) {
        radios[i].setAttribute('aria-controls', radios[i].getAttribute('data-aria-controls'))
        radios[i].removeAttribute('data-aria-controls')
      }
      var controlled = groups[g].querySelectorAll('input[type="radio"]')
      var all = groups[g].querySelectorAll('input[type="radio"][aria-controls]')
      for (var c = 0; c < controlled.length; c++) {
        controlled[c].addEventListener('change', sync.bind(null, all))
      }
      sync(all)
    }
    d.body.classList.add('govuk-frontend-supported')
  }

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start)
  else start()
})()

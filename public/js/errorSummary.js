// Moves focus to the error summary when a page shows errors, as GOV.UK Frontend does, so keyboard
// and screen reader users start at the list of what to fix. Without JavaScript, role="alert" announces it.
;(function () {
  function focusSummary() {
    var summary = document.querySelector('.govuk-error-summary')
    if (summary) summary.focus()
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', focusSummary)
  else focusSummary()
})()

// Site-wide behaviour without inline script (the Content Security Policy forbids it).
// Buttons with data-confirm ask before their form is submitted.
document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var message = button && button.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Marks the navigation entry of the current section for sighted and screen-reader users.
document.addEventListener('DOMContentLoaded', function () {
    var path = window.location.pathname;
    document.querySelectorAll('#nav-sections a[data-nav]').forEach(function (link) {
        var href = link.getAttribute('href');
        if (path === href || path.indexOf(href + '/') === 0) {
            link.classList.add('active');
            link.setAttribute('aria-current', 'page');
        }
    });
});

// After a refused submit, the keyboard (and a screen reader) starts at the first field to correct,
// or at the message above the form when the refusal concerns the whole form.
function focusFirstProblem(root) {
    var field = root.querySelector('.is-invalid');
    if (field) {
        field.focus();
        return;
    }
    var alert = root.querySelector('form .alert-danger, .alert-danger[role="alert"]');
    if (alert) {
        alert.setAttribute('tabindex', '-1');
        alert.focus();
    }
}
document.addEventListener('DOMContentLoaded', function () {
    focusFirstProblem(document.querySelector('main') || document.body);
});
// A form that htmx puts back in place (the pledge form of a donor's page).
document.addEventListener('htmx:afterSwap', function (event) {
    focusFirstProblem(event.detail.target);
});

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

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

// A long list (countries) can be searched: a select marked data-search gets a search box above it
// that shows only the options whose text (or data-terms: a country's regions) holds what is typed,
// without regard to case or accents.
// Chosen options stay shown, so that a multiple choice never loses one while searching.
function plain(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
function searchable(select) {
    if (select.dataset.searchReady) {
        return;
    }
    select.dataset.searchReady = 'true';
    var box = document.createElement('input');
    box.type = 'search';
    box.className = 'form-control form-control-sm mb-1';
    box.setAttribute('aria-label', select.getAttribute('data-search'));
    box.placeholder = select.getAttribute('data-search');
    box.setAttribute('aria-controls', select.id);
    box.id = select.id + '-search';
    box.addEventListener('input', function () {
        var wanted = plain(box.value.trim());
        Array.prototype.forEach.call(select.options, function (option) {
            // A country is found by its name or by its region ("Afrique de l’Ouest" finds Senegal).
            var words = plain(option.text + ' ' + (option.getAttribute('data-terms') || ''));
            var shown = !wanted || option.selected || option.value === '' || words.indexOf(wanted) >= 0
                || option.value.toLowerCase() === wanted;
            option.hidden = !shown;
        });
    });
    select.parentNode.insertBefore(box, select);
}
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-search]').forEach(searchable);
});
document.addEventListener('htmx:afterSwap', function (event) {
    event.detail.target.querySelectorAll('select[data-search]').forEach(searchable);
});

// Draws the burn-rate chart from the data attributes of its canvas (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('burn-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    var monthName = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        {month: 'short', year: 'numeric', timeZone: 'UTC'});
    new Chart(canvas, {
        type: 'line',
        data: {
            // Months come as 2026-06 and are shown as the page's language writes them (Jun 2026, juin 2026).
            labels: canvas.dataset.months.split(',').map(function (month) {
                var parts = month.split('-');
                return monthName.format(Date.UTC(+parts[0], +parts[1] - 1, 1));
            }),
            datasets: [{label: canvas.dataset.label, data: canvas.dataset.values.split(',').map(Number),
                borderColor: '#005b94', backgroundColor: 'rgba(0, 91, 148, 0.15)', fill: true, tension: 0.2}]
        },
        // Not responsive: Chart.js would resize through style attributes, which the CSP forbids.
        options: {locale: document.documentElement.lang || undefined, responsive: false, animation: false,
            plugins: {legend: {display: true}}, scales: {y: {beginAtZero: true}}}
    });
});

// Bar charts of the report on implementation, drawn from the table beside each canvas: the first
// cell of a row is its label, the second carries its value in data-value.
document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var lang = document.documentElement.lang || undefined;
    // Axis figures short (100 k, 1,5 M) so that a narrow chart does not run them together.
    var compact = new Intl.NumberFormat(lang, {notation: 'compact', maximumFractionDigits: 1});
    document.querySelectorAll('canvas.bar-chart').forEach(function (canvas) {
        var rows = document.querySelectorAll('#' + canvas.dataset.table + ' tr');
        var labels = [], values = [];
        rows.forEach(function (row) {
            labels.push(row.cells[0].textContent.trim());
            values.push(Number(row.cells[1].dataset.value));
        });
        new Chart(canvas, {
            type: 'bar',
            data: {labels: labels, datasets: [{label: canvas.getAttribute('aria-label'), data: values,
                backgroundColor: 'rgba(0, 91, 148, 0.6)'}]},
            // Numbers on the axis in the page's language, as in the table beside the chart.
            options: {locale: lang, responsive: false, animation: false,
                indexAxis: 'y', plugins: {legend: {display: false}},
                scales: {x: {beginAtZero: true, ticks: {maxTicksLimit: 6, callback: function (value) {
                    return compact.format(value);
                }}}}}
        });
    });
});

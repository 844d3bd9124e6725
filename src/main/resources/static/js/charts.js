// Draws the burn-rate chart from the data attributes of its canvas (no inline script under the CSP).
document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('burn-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    new Chart(canvas, {
        type: 'line',
        data: {
            labels: canvas.dataset.months.split(','),
            datasets: [{label: canvas.dataset.label, data: canvas.dataset.values.split(',').map(Number),
                borderColor: '#005b94', backgroundColor: 'rgba(0, 91, 148, 0.15)', fill: true, tension: 0.2}]
        },
        // Not responsive: Chart.js would resize through style attributes, which the CSP forbids.
        options: {responsive: false, animation: false, plugins: {legend: {display: true}}, scales: {y: {beginAtZero: true}}}
    });
});

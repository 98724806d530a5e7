/* Draw the share of satisfied ratings per question from the JSON the results page carries
   (json_script): the same figures as the table below it. Static file: the
   Content-Security-Policy forbids inline code. Chart.js is the copy tdkt.reports serves. */
(function () {
  "use strict";

  function start() {
    var source = document.getElementById("survey-chart-data");
    var canvas = document.getElementById("survey-chart");
    if (!source || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.labels.length) {
      return;
    }
    var locale = document.documentElement.lang || "vi";
    var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    window.Chart.defaults.font.family = "system-ui, sans-serif";
    window.Chart.defaults.animation = false;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{ label: canvas.dataset.label, data: data.values, backgroundColor: "#1f6fb2" }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { min: 0, max: 100 } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) { return data.titles[items[0].dataIndex]; },
              label: function (ctx) { return canvas.dataset.label + ": " + number.format(ctx.parsed.x) + "%"; }
            }
          }
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

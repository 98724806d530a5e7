/* Draw the dashboard's charts from the JSON the page carries (json_script): the same figures
   as the tables beside them. Static file: the Content-Security-Policy forbids inline code. */
(function () {
  "use strict";

  function start() {
    var source = document.getElementById("chart-data");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var labels = document.getElementById("chart-labels").dataset;
    var locale = document.documentElement.lang || "vi";
    var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    var colours = ["#1f6fb2", "#e07b24", "#3a9a4b", "#b8323c", "#7b52ab", "#8c6d31", "#2aa1a8", "#d45d9e", "#6b6b6b"];
    window.Chart.defaults.font.family = "system-ui, sans-serif";
    window.Chart.defaults.animation = false;

    function draw(id, config) {
      var canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      config.options = Object.assign(
        {
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  var value = ctx.parsed.x !== undefined && config.options && config.options.indexAxis === "y" ? ctx.parsed.x : ctx.parsed.y;
                  return ctx.dataset.label + ": " + number.format(value);
                }
              }
            }
          }
        },
        config.options || {}
      );
      new window.Chart(canvas, config);
    }

    function short(text) {
      return text.length > 28 ? text.slice(0, 27) + "…" : text;
    }

    if (data.indicators.length) {
      draw("chart-indicators", {
        type: "bar",
        data: {
          labels: data.indicators.map(function (r) { return short(r.label); }),
          datasets: [
            { label: labels.percentOfPlan, data: data.indicators.map(function (r) { return r.percent_of_plan; }), backgroundColor: colours[0] },
            { label: labels.growth, data: data.indicators.map(function (r) { return r.growth; }), backgroundColor: colours[1] }
          ]
        },
        options: { indexAxis: "y" }
      });
    }
    if (data.registrations.length) {
      draw("chart-registrations", {
        type: "bar",
        data: {
          labels: data.registrations.map(function (r) { return short(r.label); }),
          datasets: [
            { label: labels.rate, data: data.registrations.map(function (r) { return r.rate; }), backgroundColor: colours[2] }
          ]
        },
        options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } }
      });
    }
    if (data.awards.length) {
      draw("chart-awards", {
        type: "bar",
        data: {
          labels: data.award_years.map(String),
          datasets: data.awards.map(function (r, i) {
            return { label: short(r.label), data: r.counts, backgroundColor: colours[i % colours.length] };
          })
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    if (data.procedures.length) {
      draw("chart-procedures", {
        type: "bar",
        data: {
          labels: data.procedures.map(function (r) { return short(r.label); }),
          datasets: [
            { label: labels.rate, data: data.procedures.map(function (r) { return r.rate; }), backgroundColor: colours[6] }
          ]
        },
        options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } }
      });
    }
    document.body.dataset.chartsReady = "true";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* accords site: sortable lists and the matrix built from its data. No framework, no network. */
(function () {
  "use strict";

  function sortable(table) {
    var buttons = table.querySelectorAll("th button.sort");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var th = button.parentNode;
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort") || a.cells[column].textContent;
          var y = b.cells[column].getAttribute("data-sort") || b.cells[column].textContent;
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function markNode(mark) {
    var span = element("span", { "class": "mark " + mark[1] }, mark[0]);
    if (!mark[2].length) { return span; }
    var sup = element("sup");
    mark[2].forEach(function (number, index) {
      if (index) { sup.appendChild(document.createTextNode(",")); }
      sup.appendChild(element("a", { href: "#src-" + number }, String(number)));
    });
    span.appendChild(sup);
    return span;
  }

  function Matrix(root, data) {
    this.root = root;
    this.data = data;
    this.byRow = data.actors.map(function () { return []; });
    var byRow = this.byRow;
    data.cells.forEach(function (cell) { byRow[cell[0]].push(cell); });
    this.shown = 0;
    this.matching = [];
    this.page = parseInt(root.getAttribute("data-page"), 10) || 200;
  }

  Matrix.prototype.header = function () {
    var row = element("tr");
    row.appendChild(element("th", { scope: "col" }, "Actor"));
    this.data.agreements.forEach(function (a) {
      var th = element("th", { scope: "col", title: a[0] });
      th.appendChild(element("a", { href: "agreements/" + a[0] + ".html" }, a[1] + (a[3] ? " " + a[3] : "")));
      th.appendChild(element("span", { "class": "date" }, a[2]));
      row.appendChild(th);
    });
    var head = element("thead");
    head.appendChild(row);
    return head;
  };

  Matrix.prototype.row = function (index) {
    var actor = this.data.actors[index];
    var width = this.data.agreements.length;
    var tr = element("tr", { "data-actor": actor[0] });
    var th = element("th", { scope: "row" });
    th.appendChild(element("a", { href: "actors/" + actor[0] + ".html" }, actor[1]));
    tr.appendChild(th);
    var at = 0;
    this.byRow[index].forEach(function (cell) {
      if (cell[1] > at) { tr.appendChild(element("td", { colspan: String(cell[1] - at) })); }
      var td = element("td");
      cell[2].forEach(function (mark, i) {
        if (i) { td.appendChild(document.createTextNode(" ")); }
        td.appendChild(markNode(mark));
      });
      tr.appendChild(td);
      at = cell[1] + 1;
    });
    if (at < width) { tr.appendChild(element("td", { colspan: String(width - at) })); }
    return tr;
  };

  Matrix.prototype.filter = function (text) {
    var wanted = text.trim().toLowerCase();
    this.matching = [];
    for (var i = 0; i < this.data.actors.length; i++) {
      var actor = this.data.actors[i];
      var words = (actor[1] + " " + actor[0] + " " + (actor[2] || "")).toLowerCase();
      if (!wanted || words.indexOf(wanted) !== -1) { this.matching.push(i); }
    }
    this.body.textContent = "";
    this.shown = 0;
    this.more();
  };

  Matrix.prototype.more = function () {
    var end = Math.min(this.shown + this.page, this.matching.length);
    var fragment = document.createDocumentFragment();
    for (var i = this.shown; i < end; i++) { fragment.appendChild(this.row(this.matching[i])); }
    this.body.appendChild(fragment);
    this.shown = end;
    this.status.textContent = this.shown + " of " + this.matching.length + " matching actors shown (" +
      this.data.actors.length + " in all).";
    this.moreButton.hidden = this.shown >= this.matching.length;
  };

  Matrix.prototype.build = function () {
    var self = this;
    var table = element("table", { "class": "matrix", id: "matrix-table" });
    table.appendChild(element("caption", { "class": "muted" }, this.root.getAttribute("data-caption")));
    table.appendChild(this.header());
    this.body = element("tbody");
    table.appendChild(this.body);
    var wrap = element("div", { "class": "matrix-wrap", tabindex: "0", role: "region",
                                "aria-label": "Actors by agreements" });
    wrap.appendChild(table);
    this.status = element("p", { id: "matrix-status", "aria-live": "polite", "class": "muted" });
    this.moreButton = element("button", { type: "button", id: "matrix-more" }, "Show more actors");
    this.moreButton.addEventListener("click", function () { self.more(); });
    this.root.appendChild(this.status);
    this.root.appendChild(wrap);
    this.root.appendChild(this.moreButton);
    var input = document.getElementById("matrix-filter");
    input.addEventListener("input", function () { self.filter(input.value); });
    input.form.hidden = false;
    input.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.filter(input.value);
  };

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
    var root = document.getElementById("matrix");
    var source = document.getElementById("matrix-data");
    if (root && source) { new Matrix(root, JSON.parse(source.textContent)).build(); }
  });
})();

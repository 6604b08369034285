// chronique dashboard: small progressive enhancements; every page works without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filters that apply as soon as a choice is made.
  for (const el of document.querySelectorAll("select[data-autosubmit]")) {
    el.addEventListener("change", () => el.form && el.form.submit());
  }

  // Article pages: pointing at an event card marks its triggers in the text, and back.
  const cards = document.querySelectorAll(".event-card[data-event]");
  const spans = (i) => document.querySelectorAll(`.hl[data-events~="${CSS.escape(i)}"]`);
  const mark = (i, on) => {
    for (const s of spans(i)) s.classList.toggle("focus", on);
    for (const c of document.querySelectorAll(`.event-card[data-event="${CSS.escape(i)}"]`)) {
      c.classList.toggle("focus", on);
    }
  };
  for (const card of cards) {
    const i = card.dataset.event;
    card.addEventListener("mouseenter", () => mark(i, true));
    card.addEventListener("mouseleave", () => mark(i, false));
    card.addEventListener("focus", () => mark(i, true));
    card.addEventListener("blur", () => mark(i, false));
    // keyboard: Enter on a card takes the reader to its words in the text
    card.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter" || ev.target !== card) return;
      const first = spans(i)[0];
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.scrollIntoView({ block: "center" });
        first.focus();
      }
    });
  }
  for (const span of document.querySelectorAll(".hl[data-events]")) {
    span.addEventListener("click", () => {
      const first = span.dataset.events.split(" ")[0];
      const card = document.querySelector(`.event-card[data-event="${CSS.escape(first)}"]`);
      if (card) {
        card.scrollIntoView({ behavior: "smooth", block: "center" });
        mark(first, true);
        setTimeout(() => mark(first, false), 1500);
      }
    });
  }

  // Analyse page: a chosen text file is shown in the text box before it is sent.
  const file = document.querySelector("#analyse-form input[type=file]");
  const box = document.getElementById("analyse-text");
  if (file && box) {
    file.addEventListener("change", () => {
      const f = file.files && file.files[0];
      if (!f || f.size > 1000000 || !/\.txt$/i.test(f.name)) return;
      f.text().then((t) => { box.value = t; file.value = ""; });
    });
  }

  // Analyse page: say that the article is being coded while the server works.
  const form = document.getElementById("analyse-form");
  const progress = document.getElementById("analyse-progress");
  if (form && progress) {
    form.addEventListener("submit", () => {
      progress.hidden = false;
      const button = document.getElementById("analyse-submit");
      if (button) { button.disabled = true; button.textContent = "Analysing…"; }
      const t0 = Date.now();
      setInterval(() => {
        progress.textContent = `Coding the article… ${Math.round((Date.now() - t0) / 1000)} s`;
      }, 1000);
    });
  }

  // Network: pointing at an actor lights its links.
  const net = document.getElementById("network");
  if (net) {
    const light = (id, on) => {
      net.classList.toggle("dim", on);
      for (const el of net.querySelectorAll(".lit")) el.classList.remove("lit");
      if (!on) return;
      for (const e of net.querySelectorAll("a.edge")) {
        if (e.dataset.source === id || e.dataset.target === id) {
          e.classList.add("lit");
          for (const n of net.querySelectorAll(`a.node[data-id="${CSS.escape(e.dataset.source)}"],
              a.node[data-id="${CSS.escape(e.dataset.target)}"]`)) n.classList.add("lit");
        }
      }
      for (const n of net.querySelectorAll(`a.node[data-id="${CSS.escape(id)}"]`)) n.classList.add("lit");
    };
    for (const n of net.querySelectorAll("a.node")) {
      n.addEventListener("mouseenter", () => light(n.dataset.id, true));
      n.addEventListener("mouseleave", () => light(n.dataset.id, false));
      n.addEventListener("focus", () => light(n.dataset.id, true));
      n.addEventListener("blur", () => light(n.dataset.id, false));
    }
  }

  const map = document.querySelector("svg.map.interactive");
  if (map) interactiveMap(map);

  // Footer: the snapshot time in the reader's own clock.
  for (const t of document.querySelectorAll("time[data-epoch]")) {
    const d = new Date(Number(t.dataset.epoch) * 1000);
    if (!Number.isNaN(d.getTime())) t.textContent = d.toLocaleString();
  }
});

// The map page: pan (drag, arrow keys), zoom (wheel, + / -, buttons) and clusters of nearby
// places, redrawn at each zoom; a place links to its events, a cluster zooms in on itself.
function interactiveMap(svg) {
  const NS = "http://www.w3.org/2000/svg";
  const layer = svg.querySelector("#map-points");
  const places = [...layer.querySelectorAll("a.place")].map((a) => ({
    href: a.getAttribute("href"), name: a.dataset.name, n: Number(a.dataset.n),
    conflict: Number(a.dataset.conflict), x: Number(a.dataset.lon) + 180,
    y: 90 - Number(a.dataset.lat),
  }));
  let view = { x: 0, y: 0, w: 360, h: 180 };
  const apply = () => {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    draw();
  };
  const zoom = (f, cx, cy) => {
    const w = Math.min(360, Math.max(360 / 64, view.w / f));
    const h = w / 2;
    cx = cx === undefined ? view.x + view.w / 2 : cx;
    cy = cy === undefined ? view.y + view.h / 2 : cy;
    view = { x: cx - (cx - view.x) * (w / view.w), y: cy - (cy - view.y) * (h / view.h), w, h };
    apply();
  };
  const draw = () => {
    const k = view.w / 360; // 1 at the whole world
    const cell = 12 * k;
    const groups = new Map();
    for (const p of places) {
      const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    layer.replaceChildren();
    for (const g of groups.values()) {
      const n = g.reduce((s, p) => s + p.n, 0);
      const conflict = g.reduce((s, p) => s + p.conflict, 0);
      const x = g.reduce((s, p) => s + p.x * p.n, 0) / n;
      const y = g.reduce((s, p) => s + p.y * p.n, 0) / n;
      const a = document.createElementNS(NS, "a");
      const c = document.createElementNS(NS, "circle");
      const title = document.createElementNS(NS, "title");
      c.setAttribute("cx", x);
      c.setAttribute("cy", y);
      c.setAttribute("r", (1.2 + Math.sqrt(n) * 0.9) * Math.max(k, 0.08));
      if (g.length === 1) {
        a.setAttribute("href", g[0].href);
        a.setAttribute("class", "place");
        c.setAttribute("class", `pt ${conflict * 2 > n ? "conflict" : "cooperation"}`);
        title.textContent = `${g[0].name}: ${n} event(s), ${conflict} conflict`;
        c.append(title);
        a.append(c);
      } else {
        a.setAttribute("href", "#");
        a.setAttribute("class", "cluster-link");
        c.setAttribute("class", "cluster");
        title.textContent = `${g.length} places, ${n} event(s): click to zoom in`;
        c.append(title);
        const t = document.createElementNS(NS, "text");
        t.setAttribute("x", x);
        t.setAttribute("y", y + 1 * Math.max(k, 0.08));
        t.setAttribute("class", "cluster-n");
        t.setAttribute("font-size", 3 * Math.max(k, 0.08));
        t.textContent = String(n);
        a.append(c, t);
        a.addEventListener("click", (ev) => { ev.preventDefault(); zoom(4, x, y); });
      }
      layer.append(a);
    }
  };
  for (const b of document.querySelectorAll(".map-tools button[data-zoom]")) {
    b.addEventListener("click", () => {
      if (b.dataset.zoom === "in") zoom(2);
      else if (b.dataset.zoom === "out") zoom(0.5);
      else { view = { x: 0, y: 0, w: 360, h: 180 }; apply(); }
    });
  }
  const point = (ev) => {
    const r = svg.getBoundingClientRect();
    return [view.x + (ev.clientX - r.left) / r.width * view.w,
            view.y + (ev.clientY - r.top) / r.height * view.h];
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [x, y] = point(ev);
    zoom(ev.deltaY < 0 ? 1.5 : 1 / 1.5, x, y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest("a")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    view.x = drag.vx - (ev.clientX - drag.x) / r.width * view.w;
    view.y = drag.vy - (ev.clientY - drag.y) / r.height * view.h;
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("keydown", (ev) => {
    const step = view.w / 8;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step / 2],
                    ArrowDown: [0, step / 2] };
    if (moves[ev.key]) {
      view.x += moves[ev.key][0];
      view.y += moves[ev.key][1];
      apply();
    } else if (ev.key === "+" || ev.key === "=") zoom(2);
    else if (ev.key === "-") zoom(0.5);
    else return;
    ev.preventDefault();
  });
  svg.dataset.ready = "1";
  apply();
}

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

  // Footer: the snapshot time in the reader's own clock.
  for (const t of document.querySelectorAll("time[data-epoch]")) {
    const d = new Date(Number(t.dataset.epoch) * 1000);
    if (!Number.isNaN(d.getTime())) t.textContent = d.toLocaleString();
  }
});

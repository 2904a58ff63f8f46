// Printing opens every folded block, so answers and trainer notes reach the paper.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((details) => {
    details.setAttribute("open", "");
    details.dataset.openedForPrint = "true";
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-opened-for-print]").forEach((details) => {
    details.removeAttribute("open");
    delete details.dataset.openedForPrint;
  });
});

// Progress without accounts: ticks and quiz answers stay in this browser (localStorage),
// per language and page. Nothing leaves the device.
const STORE = "trainer-handbook:v1";
const PAGE = /curriculum\/(modules|guides|run-sheets)\/([^/.]+)/;

function pageKey(path = location.pathname, lang = document.documentElement.lang) {
  const match = path.match(PAGE);
  return match ? `${STORE}:${lang}:${match[1]}/${match[2]}` : null;
}

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key)) || { checks: {}, quiz: {} };
  } catch {
    return { checks: {}, quiz: {} };
  }
}

function save(key, state) {
  try {
    localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the page still works, nothing is remembered.
  }
}

function quizzes() {
  return [...document.querySelectorAll(".md-typeset h3[id^='quiz-']")]
    .map((heading) => ({ id: heading.id, list: heading.nextElementSibling }))
    .filter(({ list }) => list && list.tagName === "OL");
}

function setUpProgress() {
  const key = pageKey();
  if (!key) return;
  const state = load(key);
  const boxes = [...document.querySelectorAll(".md-typeset .task-list-item input[type=checkbox]")];
  boxes.forEach((box, index) => {
    box.disabled = false;
    box.setAttribute("aria-label", box.closest(".task-list-item").textContent.trim());
    box.checked = Boolean(state.checks[index]);
    box.addEventListener("change", () => {
      state.checks[index] = box.checked;
      save(key, state);
      summarise();
    });
  });
  const questions = quizzes();
  questions.forEach(({ id, list }) => {
    [...list.children].forEach((item, index) => {
      const input = document.createElement("input");
      input.type = "radio";
      input.name = id;
      input.value = String(index);
      input.className = "quiz-choice";
      input.setAttribute("aria-label", item.textContent.trim());
      input.checked = state.quiz[id] === index;
      input.addEventListener("change", () => {
        state.quiz[id] = index;
        save(key, state);
        summarise();
      });
      item.prepend(input);
    });
  });
  const summary = document.querySelector("[data-progress-summary]");
  function summarise() {
    if (!summary) return;
    const done = boxes.filter((b) => b.checked).length +
      questions.filter(({ id }) => id in state.quiz).length;
    summary.textContent = `${done} / ${boxes.length + questions.length}`;
  }
  summarise();
  document.querySelectorAll("[data-progress-reset]").forEach((button) =>
    button.addEventListener("click", () => {
      localStorage.removeItem(key);
      location.reload();
    }));
}

// The "my progress" page: how far each module is done, from what this browser stored.
function showProgress() {
  document.querySelectorAll("[data-progress-of]").forEach((cell) => {
    const state = load(`${STORE}:${document.documentElement.lang}:modules/${cell.dataset.progressOf}`);
    const done = Object.values(state.checks).filter(Boolean).length +
      Object.keys(state.quiz).length;
    cell.textContent = `${done} / ${cell.dataset.total}`;
  });
  document.querySelectorAll("[data-progress-reset-all]").forEach((button) =>
    button.addEventListener("click", () => {
      const prefix = `${STORE}:${document.documentElement.lang}:`;
      Object.keys(localStorage).filter((k) => k.startsWith(prefix))
        .forEach((k) => localStorage.removeItem(k));
      location.reload();
    }));
}

// Phones show wide tables as stacked cards (handbook.css): each cell gets its column's
// heading as a label, and explicit table roles keep the table for screen readers when CSS
// turns its parts into blocks.
function labelTableCells() {
  document.querySelectorAll(".md-typeset table:not([class])").forEach((table) => {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach((group) => group.setAttribute("role", "rowgroup"));
    table.querySelectorAll("tr").forEach((row) => row.setAttribute("role", "row"));
    table.querySelectorAll("th").forEach((th) => th.setAttribute("role", "columnheader"));
    table.querySelectorAll("tbody tr").forEach((row) => {
      [...row.children].forEach((cell, index) => {
        cell.setAttribute("role", "cell");
        // A column headed by a sign (the run sheets' ☐) needs no label.
        if (/\p{L}/u.test(headings[index] || "")) cell.dataset.label = headings[index];
      });
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  labelTableCells();
  setUpProgress();
  showProgress();
});

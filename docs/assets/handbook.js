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

// Progress without accounts: ticks and quiz answers stay in this browser (localStorage).
// One record per module (or guide), shared by its page, its run sheet and every language.
// Items are keyed by stable ids from the renderer (data-check, data-option: a hash of the
// default language's text), so inserting or moving a checklist item keeps the other ticks.
const STORE = "trainer-handbook:v2";
const PAGE = /curriculum\/(modules|guides|run-sheets)\/([^/.]+)/;

function recordKey(path = location.pathname) {
  const match = path.match(PAGE);
  if (!match) return null;
  const kind = match[1] === "run-sheets" ? "modules" : match[1];
  return `${STORE}:${kind}/${match[2]}`;
}

function load(key) {
  try {
    const state = JSON.parse(localStorage.getItem(key));
    return { checks: state?.checks || {}, quiz: state?.quiz || {} };
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

// The whole row is the tap target: the item's text moves into the checkbox's label.
function setUpChecklist(state, key, changed) {
  const boxes = [];
  document.querySelectorAll(".md-typeset .task-list-item").forEach((item) => {
    const id = item.querySelector("[data-check]")?.dataset.check;
    const label = item.querySelector(".task-list-control");
    const box = label?.querySelector("input[type=checkbox]");
    if (!id || !box) return;
    const text = document.createElement("span");
    text.className = "task-list-text";
    while (label.nextSibling) text.append(label.nextSibling);
    label.append(text);
    box.disabled = false;
    box.checked = Boolean(state.checks[id]);
    box.addEventListener("change", () => {
      if (box.checked) state.checks[id] = true;
      else delete state.checks[id];
      save(key, state);
      changed();
    });
    boxes.push(box);
  });
  return boxes;
}

// Each quiz option becomes a labelled radio choice; choosing says at once whether it is
// right, with that option's feedback or else the question's explanation.
function setUpQuiz(state, key, changed) {
  const quizzes = [...document.querySelectorAll(".md-typeset .quiz[data-quiz]")];
  quizzes.forEach((quiz) => {
    const id = quiz.dataset.quiz;
    const answer = quiz.nextElementSibling;  // the folded answer (details)
    const verdict = document.createElement("div");
    verdict.className = "quiz-verdict";
    verdict.setAttribute("role", "status");
    quiz.after(verdict);
    function show(option) {
      const right = option === quiz.dataset.correct;
      const feedback = answer?.querySelector(`.quiz-feedback[data-feedback="${option}"]`) ||
        answer?.querySelector(".quiz-explanation");
      verdict.className = `quiz-verdict ${right ? "quiz-verdict--right" : "quiz-verdict--wrong"}`;
      verdict.innerHTML = "";
      const word = document.createElement("strong");
      word.textContent = right ? quiz.dataset.right : quiz.dataset.wrong;
      verdict.append(word);
      if (feedback) {
        const copy = feedback.cloneNode(true);
        copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
        verdict.append(...copy.childNodes);
      }
    }
    quiz.querySelectorAll("ol > li").forEach((item) => {
      const option = item.querySelector("[data-option]")?.dataset.option;
      if (!option) return;
      const label = document.createElement("label");
      label.className = "quiz-option";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = `quiz-${id}`;
      input.value = option;
      input.className = "quiz-choice";
      input.checked = state.quiz[id] === option;
      input.addEventListener("change", () => {
        state.quiz[id] = option;
        save(key, state);
        show(option);
        changed();
      });
      label.append(input, ...item.childNodes);
      item.append(label);
    });
    if (state.quiz[id]) show(state.quiz[id]);
  });
  return quizzes;
}

function confirmed(button) {
  return !button.dataset.confirm || window.confirm(button.dataset.confirm);
}

function setUpProgress() {
  const key = recordKey();
  if (!key) return;
  const state = load(key);
  const summary = document.querySelector("[data-progress-summary]");
  const summarise = () => {
    if (!summary) return;
    const done = boxes.filter((b) => b.checked).length +
      quizzes.filter((q) => q.dataset.quiz in state.quiz).length;
    summary.textContent = `${done} / ${boxes.length + quizzes.length}`;
  };
  const boxes = setUpChecklist(state, key, summarise);
  const quizzes = setUpQuiz(state, key, summarise);
  summarise();
  document.querySelectorAll("[data-progress-reset]").forEach((button) =>
    button.addEventListener("click", () => {
      if (!confirmed(button)) return;
      localStorage.removeItem(key);
      location.reload();
    }));
}

// The "my progress" page: how far each module is done, counting only items that still exist.
function showProgress() {
  document.querySelectorAll("[data-progress-of]").forEach((cell) => {
    const state = load(`${STORE}:modules/${cell.dataset.progressOf}`);
    const checks = cell.dataset.checks.split(" ").filter(Boolean);
    const quizzes = cell.dataset.quizzes.split(" ").filter(Boolean);
    const done = checks.filter((id) => state.checks[id]).length +
      quizzes.filter((id) => id in state.quiz).length;
    cell.textContent = `${done} / ${checks.length + quizzes.length}`;
  });
  document.querySelectorAll("[data-progress-reset-all]").forEach((button) =>
    button.addEventListener("click", () => {
      if (!confirmed(button)) return;
      Object.keys(localStorage).filter((k) => k.startsWith(`${STORE}:`))
        .forEach((k) => localStorage.removeItem(k));
      location.reload();
    }));
}

document.addEventListener("DOMContentLoaded", () => {
  setUpProgress();
  showProgress();
});

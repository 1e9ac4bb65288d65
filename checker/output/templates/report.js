// lettercheck QA report: select a recommendation (or an area covered) to
// highlight the findings linked to it; filter problems by severity.
(() => {
  "use strict";
  const reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function clear(article) {
    article.querySelectorAll(".line.linked, .line.source-of-link").forEach((line) => {
      line.classList.remove("linked", "source-of-link");
    });
    article.querySelectorAll(".select-link[aria-pressed='true']").forEach((button) => {
      button.setAttribute("aria-pressed", "false");
      button.closest(".link-card").classList.remove("selected");
    });
  }

  function linesOf(article, block) {
    return Array.from(article.querySelectorAll(`.line[data-block="${block}"]`));
  }

  function select(button) {
    const article = button.closest("article.letter");
    const status = button.closest(".links-section").querySelector(".link-status");
    const wasPressed = button.getAttribute("aria-pressed") === "true";
    clear(article);
    if (wasPressed) {
      status.textContent = "Selection cleared.";
      return;
    }
    button.setAttribute("aria-pressed", "true");
    button.closest(".link-card").classList.add("selected");
    linesOf(article, button.dataset.self).forEach((line) => line.classList.add("source-of-link"));
    const targets = (button.dataset.targets || "").split(" ").filter(Boolean);
    const highlighted = [];
    targets.forEach((block) => {
      linesOf(article, block).forEach((line) => {
        line.classList.add("linked");
        highlighted.push(line);
      });
    });
    status.textContent = targets.length
      ? `${button.dataset.label}: ${targets.length} linked finding${targets.length === 1 ? "" : "s"} highlighted in the letter (${button.dataset.places}).`
      : `${button.dataset.label}: no finding is linked to it.`;
    const first = highlighted[0] || linesOf(article, button.dataset.self)[0];
    if (first) first.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".select-link");
    if (button) select(button);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") document.querySelectorAll("article.letter").forEach(clear);
  });
  document.addEventListener("change", (event) => {
    const box = event.target.closest("input[data-severity]");
    if (box) box.closest("article.letter").classList.toggle(`hide-${box.dataset.severity}`, !box.checked);
  });
  document.querySelectorAll(".filters[hidden]").forEach((filters) => filters.removeAttribute("hidden"));
})();

// "Copy wikitext": puts the page's Meta-Wiki markup on the clipboard. The text sits in the
// page itself, so this works offline and from file://, where fetching a file would not.
document.addEventListener("click", async (event) => {
  const button = event.target.closest(".wikitext-copy__button");
  if (!button) return;
  const text = button.parentElement.querySelector(".wikitext-copy__text");
  try {
    await navigator.clipboard.writeText(text.value);
  } catch {
    // No clipboard API (an insecure context): select the text and use the old command.
    text.closest("details").open = true;
    text.select();
    document.execCommand("copy");
  }
  const label = button.textContent;
  button.textContent = button.dataset.done;
  setTimeout(() => { button.textContent = label; }, 2000);
});

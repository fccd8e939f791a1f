// Demo shop page behaviour: any element marked data-kefu-open opens the chat widget (window.KefuWidget).
/* global document, window, Element */
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-kefu-open]') : null;
  if (!target || !window.KefuWidget) return;
  event.preventDefault();
  window.KefuWidget.open();
});

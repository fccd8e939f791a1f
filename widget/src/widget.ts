// The embeddable customer chat widget: one <script src="/widget.js" data-shop-key="…"> tag on a shop page shows a
// floating 在线客服 button and a chat panel (SPEC §2: entry source, product or order, member identity from the tag).
import { entrySources } from '../../src/shared/chat.js';
import { ChatClient } from './chat-client.js';
import { createTranslator, pickWidgetLanguage } from './i18n.js';
import { readWidgetOptions } from './options.js';
import { WidgetView } from './view.js';

/** The page-facing API: `window.KefuWidget.open()` from a shop's own "contact us" button. */
export interface KefuWidgetApi {
  open(): void;
  close(): void;
}

declare global {
  interface Window {
    KefuWidget?: KefuWidgetApi;
  }
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-shop-key][src*="widget.js"]');
}

function boot(script: HTMLScriptElement): void {
  if (window.KefuWidget) return; // the tag was pasted twice
  const options = readWidgetOptions(script);
  if (!options) {
    console.warn('[kefu] widget.js needs data-shop-key and a data-source of', entrySources.join(', '));
    return;
  }
  const language = pickWidgetLanguage(navigator.language);
  const t = createTranslator(language);
  // The API is where the script came from, so a shop on its own domain talks to the Kefu server.
  const baseUrl = new URL(script.src || '/', window.location.href).origin;
  const client = new ChatClient({ ...options, baseUrl, language, t });
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void client.start();
  };
  const view = new WidgetView({ client, t, language, baseUrl, onFirstOpen: start });
  // A first-time visitor becomes a customer only when they open the chat; a returning one is resumed at once
  // (their conversation, the new-message badge, unsent messages).
  if (client.returning) start();
  window.KefuWidget = { open: () => view.open(), close: () => view.close() };

  const mount = () => document.body.append(view.host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

const script = typeof document === 'undefined' ? null : findScript();
if (script) boot(script);

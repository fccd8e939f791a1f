// The widget's styles. They live inside its shadow root, so the shop's CSS and ours never meet.
export const widgetCss = `
:host { all: initial; }
.root {
  --kefu-primary: #1677ff;
  --kefu-primary-dark: #0958d9;
  --kefu-text: #1f1f1f;
  --kefu-muted: #8c8c8c;
  --kefu-border: #e5e6eb;
  --kefu-bg: #f5f6f8;
  --kefu-danger: #d4380d;
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--kefu-text);
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button { font: inherit; cursor: pointer; }
button:disabled { cursor: not-allowed; opacity: .6; }
input, textarea { font: inherit; color: inherit; }

.launcher {
  position: relative; display: flex; align-items: center; gap: 8px;
  padding: 12px 18px; border: 0; border-radius: 24px;
  background: var(--kefu-primary); color: #fff; font-size: 15px; font-weight: 600;
  box-shadow: 0 6px 20px rgba(22, 119, 255, .35);
}
.launcher:hover { background: var(--kefu-primary-dark); }
.launcher svg { display: block; }
.badge {
  position: absolute; top: -6px; right: -6px; min-width: 20px; height: 20px; padding: 0 6px;
  border-radius: 10px; background: #ff4d4f; color: #fff; font-size: 12px; line-height: 20px; text-align: center;
  box-shadow: 0 0 0 2px #fff;
}

.panel {
  display: flex; flex-direction: column; width: 370px; height: min(600px, calc(100vh - 40px));
  background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0, 0, 0, .18), 0 2px 6px rgba(0, 0, 0, .08);
}
@media (max-width: 480px) {
  .root { right: 14px; bottom: 14px; }
  .root.open { inset: 0; }
  .panel { width: 100%; height: 100%; border-radius: 0; }
}
.header {
  display: flex; align-items: center; gap: 10px; padding: 14px 16px;
  background: linear-gradient(135deg, #1677ff, #4096ff); color: #fff;
}
.avatar {
  width: 36px; height: 36px; flex: none; border-radius: 50%; background: rgba(255, 255, 255, .22);
  display: flex; align-items: center; justify-content: center;
}
.title { flex: 1; min-width: 0; }
.shop-name { display: block; font-weight: 600; font-size: 15px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status { display: block; font-size: 12px; opacity: .9; }
.close {
  border: 0; background: transparent; color: #fff; font-size: 22px; line-height: 1; padding: 4px 8px;
  border-radius: 6px;
}
.close:hover { background: rgba(255, 255, 255, .18); }

.banner { padding: 8px 14px; font-size: 13px; border-bottom: 1px solid var(--kefu-border); }
.banner.connection { background: #fff7e6; color: #ad4e00; display: flex; align-items: center; gap: 8px; }
.banner.queue { background: #e6f4ff; color: #0958d9; }
.banner.offline-note { background: #f6ffed; color: #389e0d; }
.link-button { border: 0; background: none; color: var(--kefu-primary); padding: 0; text-decoration: underline; }

.messages { flex: 1; overflow-y: auto; padding: 14px; background: var(--kefu-bg); display: flex; flex-direction: column; gap: 10px; }
.welcome { align-self: center; color: var(--kefu-muted); font-size: 12px; }
.msg { display: flex; flex-direction: column; max-width: 80%; }
.msg.customer { align-self: flex-end; align-items: flex-end; }
.msg.agent, .msg.auto { align-self: flex-start; align-items: flex-start; }
.bubble {
  padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere;
}
.customer .bubble { background: var(--kefu-primary); color: #fff; border-bottom-right-radius: 4px; }
.agent .bubble { background: #fff; border: 1px solid var(--kefu-border); border-bottom-left-radius: 4px; }
.auto .bubble { background: #fffbe6; border: 1px dashed #ffd666; color: #614700; border-bottom-left-radius: 4px; }
.label { font-size: 11px; color: var(--kefu-muted); margin-bottom: 2px; }
.auto .label { color: #ad8b00; }
.faq-actions { display: flex; gap: 6px; margin-top: 4px; }
.faq-actions button { border: 1px solid #d9d9d9; background: #fff; border-radius: 12px; padding: 2px 10px; font-size: 12px; cursor: pointer; }
.faq-actions button:disabled { cursor: default; opacity: 0.6; }
.faq-note { font-size: 12px; color: #8c8c8c; margin-top: 4px; }
.msg .bubble.image { padding: 0; background: none; border: 0; color: var(--kefu-text); }
.bubble img { display: block; max-width: 200px; max-height: 200px; border-radius: 8px; box-shadow: 0 0 0 1px var(--kefu-border); }
.bubble a { display: block; }
.caption { margin-top: 4px; }
.meta { display: flex; align-items: center; gap: 6px; margin-top: 2px; font-size: 11px; color: var(--kefu-muted); }
.meta .read { color: var(--kefu-muted); }
.meta .unread { color: var(--kefu-primary); }
.msg.pending .bubble { opacity: .7; }
.msg.failed .bubble { opacity: .85; box-shadow: inset 0 0 0 1px var(--kefu-danger); }
.meta .failed-text { color: var(--kefu-danger); }
.meta button { border: 0; background: none; color: var(--kefu-primary); padding: 0; font-size: 11px; }
.event {
  align-self: center; max-width: 90%; padding: 3px 10px; border-radius: 10px;
  background: rgba(0, 0, 0, .06); color: #595959; font-size: 12px; text-align: center; white-space: pre-wrap;
}

.typing { padding: 4px 16px; font-size: 12px; color: var(--kefu-muted); background: var(--kefu-bg); }
.notice {
  display: flex; align-items: flex-start; gap: 8px; padding: 8px 14px; background: #fff2e8; color: var(--kefu-danger);
  font-size: 13px; border-top: 1px solid #ffd8bf;
}
.notice span { flex: 1; }
.notice button { border: 0; background: none; color: inherit; font-size: 16px; line-height: 1; padding: 0 2px; }

.composer { border-top: 1px solid var(--kefu-border); padding: 8px 12px 12px; background: #fff; position: relative; }
.tools { display: flex; gap: 4px; margin-bottom: 6px; }
.tool { border: 0; background: none; color: #595959; padding: 4px 6px; border-radius: 6px; line-height: 0; }
.tool:hover { color: var(--kefu-primary); }
.tool:hover { background: var(--kefu-bg); }
.uploading { font-size: 12px; color: var(--kefu-muted); align-self: center; }
.input-row { display: flex; gap: 8px; align-items: flex-end; }
.input {
  flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 8px 10px;
  border: 1px solid var(--kefu-border); border-radius: 8px; outline: none; background: #fff;
}
.input:focus { border-color: var(--kefu-primary); box-shadow: 0 0 0 2px rgba(22, 119, 255, .15); }
.primary {
  border: 0; border-radius: 8px; background: var(--kefu-primary); color: #fff; padding: 8px 16px; font-weight: 600;
}
.primary:hover:not(:disabled) { background: var(--kefu-primary-dark); }
.secondary {
  border: 1px solid var(--kefu-border); border-radius: 8px; background: #fff; color: var(--kefu-text); padding: 7px 14px;
}
.emoji-picker {
  position: absolute; left: 12px; right: 12px; bottom: 100%; margin-bottom: 6px; padding: 8px;
  display: grid; grid-template-columns: repeat(8, 1fr); gap: 2px;
  background: #fff; border: 1px solid var(--kefu-border); border-radius: 10px; box-shadow: 0 6px 20px rgba(0, 0, 0, .12);
}
.emoji { border: 0; background: none; font-size: 20px; padding: 4px 0; border-radius: 6px; }
.emoji:hover { background: var(--kefu-bg); }

.form { border-top: 1px solid var(--kefu-border); padding: 12px 14px 14px; background: #fff; display: flex; flex-direction: column; gap: 8px; }
.form h3 { margin: 0; font-size: 15px; }
.form p { margin: 0; color: var(--kefu-muted); font-size: 12px; }
.field { width: 100%; padding: 7px 10px; border: 1px solid var(--kefu-border); border-radius: 8px; outline: none; }
.field:focus { border-color: var(--kefu-primary); }
textarea.field { resize: none; }
.form-error { color: var(--kefu-danger); font-size: 12px; }
.scores { display: flex; gap: 8px; }
.score {
  flex: 1; padding: 8px 0; border: 1px solid var(--kefu-border); border-radius: 8px; background: #fff;
  display: flex; flex-direction: column; align-items: center; gap: 2px;
}
.score svg { color: #8c8c8c; }
.score[aria-pressed="true"] svg { color: var(--kefu-primary); }
.score[aria-pressed="true"] { border-color: var(--kefu-primary); background: #e6f4ff; color: var(--kefu-primary); }
.thanks { color: #389e0d; font-weight: 600; }
.row { display: flex; gap: 8px; justify-content: flex-end; }
`;

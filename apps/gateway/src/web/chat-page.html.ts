/**
 * The minimal chat page served at `/`: streams answers over the WebSocket endpoint, shows
 * citations and offers thumbs up/down. Kept as a module so the build needs no asset copying.
 */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MangaAssist — まんが本棚</title>
<style>
  :root { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; color: #1d1d1f; }
  body { margin: 0; background: #f6f4ef; }
  main { max-width: 720px; margin: 0 auto; padding: 16px; display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; }
  h1 { font-size: 1.2rem; margin: 0 0 12px; }
  #log { flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; padding-bottom: 8px; }
  .msg { padding: 10px 12px; border-radius: 10px; max-width: 85%; white-space: pre-wrap; line-height: 1.5; }
  .shopper { align-self: flex-end; background: #1f6feb; color: white; }
  .assistant { align-self: flex-start; background: white; border: 1px solid #ddd; }
  .assistant.error { border-color: #d1242f; color: #d1242f; }
  .meta { font-size: 0.78rem; color: #666; margin-top: 6px; }
  .meta button { font-size: 0.9rem; margin-right: 4px; cursor: pointer; border: 1px solid #ccc; background: #fafafa; border-radius: 6px; }
  .meta button[disabled] { opacity: 0.5; cursor: default; }
  form { display: flex; gap: 8px; }
  input { flex: 1; font-size: 1rem; padding: 10px; border-radius: 8px; border: 1px solid #bbb; }
  button.send { font-size: 1rem; padding: 10px 16px; border-radius: 8px; border: 0; background: #1f6feb; color: white; cursor: pointer; }
</style>
</head>
<body>
<main>
  <h1>まんが本棚 MangaAssist</h1>
  <div id="log" aria-live="polite"></div>
  <form id="form">
    <input id="text" autocomplete="off" maxlength="2000" placeholder="例: ONE PIECEは何巻まで出ていますか？ / How much is Spy x Family on Kindle?" required>
    <button class="send" type="submit">送信 Send</button>
  </form>
</main>
<script>
const log = document.getElementById('log');
const form = document.getElementById('form');
const input = document.getElementById('text');
let sessionId = sessionStorage.getItem('mangaassist.session') || '';
let socket;
let current;

function bubble(cls, text) {
  const div = document.createElement('div');
  div.className = 'msg ' + cls;
  div.textContent = text;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function connect() {
  return new Promise((resolve, reject) => {
    if (socket && socket.readyState === WebSocket.OPEN) return resolve(socket);
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/v1/chat/stream';
    socket = new WebSocket(url);
    socket.onopen = () => resolve(socket);
    socket.onerror = () => reject(new Error('connection failed'));
    socket.onmessage = (message) => onFrame(JSON.parse(message.data));
    socket.onclose = () => { if (current) { current.classList.add('error'); current.textContent = current.textContent || 'Connection closed.'; current = undefined; } };
  });
}

function onFrame(frame) {
  if (!current) return;
  if (frame.type === 'delta') {
    current.textContent += frame.text;
  } else if (frame.type === 'final') {
    current.textContent = frame.answer;
    sessionId = frame.sessionId;
    sessionStorage.setItem('mangaassist.session', sessionId);
    const meta = document.createElement('div');
    meta.className = 'meta';
    const cites = frame.citations.map((c) => c.title + ' (' + c.id + ')').join(', ');
    meta.textContent = (cites ? '出典 Sources: ' + cites + ' · ' : '') + frame.intent + ' / ' + frame.route + ' ';
    for (const [label, rating] of [['👍', 'up'], ['👎', 'down']]) {
      const b = document.createElement('button');
      b.textContent = label;
      b.title = rating === 'up' ? 'Helpful' : 'Not helpful';
      b.onclick = () => sendFeedback(frame, rating, meta);
      meta.appendChild(b);
    }
    current.appendChild(meta);
    current = undefined;
  } else if (frame.type === 'error') {
    current.classList.add('error');
    current.textContent = frame.message;
    current = undefined;
  }
  log.scrollTop = log.scrollHeight;
}

async function sendFeedback(frame, rating, meta) {
  for (const b of meta.querySelectorAll('button')) b.disabled = true;
  const body = { traceId: frame.traceId, sessionId: frame.sessionId, rating };
  if (rating === 'down') body.reason = 'not_helpful';
  const response = await fetch('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const note = document.createElement('span');
  note.textContent = response.ok ? ' ありがとうございます Thanks!' : ' (feedback failed)';
  meta.appendChild(note);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = input.value.trim();
  if (!message || current) return;
  input.value = '';
  bubble('shopper', message);
  current = bubble('assistant', '');
  try {
    const ws = await connect();
    const frame = { type: 'chat', message };
    if (sessionId) frame.sessionId = sessionId;
    ws.send(JSON.stringify(frame));
  } catch (error) {
    current.classList.add('error');
    current.textContent = 'Could not connect to the assistant.';
    current = undefined;
  }
});
</script>
</body>
</html>
`;

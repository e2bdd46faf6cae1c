// Progress for uploads: the import form still works without JavaScript; with it, the bar shows the upload.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-upload')) return;
  const bar = form.querySelector('progress');
  if (!bar || !window.XMLHttpRequest) return;
  event.preventDefault();
  const request = new XMLHttpRequest();
  request.open('POST', form.action);
  request.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
  });
  // Once the files are up, a scan is read page by page: ask the server how far it is ("đang nhận dạng trang 7/24").
  const data = new FormData(form);
  const output = form.querySelector('output.import-progress');
  const base = form.getAttribute('data-progress');
  let timer;
  if (output && base && window.crypto?.randomUUID && window.fetch) {
    const id = window.crypto.randomUUID();
    data.set('progress', id);
    request.upload.addEventListener('load', () => {
      output.hidden = false;
      output.textContent = output.getAttribute('data-reading') || '';
      timer = setInterval(() => {
        fetch(base + id, { credentials: 'same-origin' })
          .then((r) => (r.ok ? r.json() : undefined))
          .then((p) => {
            if (p?.message) output.textContent = p.message;
          })
          .catch(() => undefined);
      }, 1500);
    });
  }
  request.addEventListener('load', () => {
    clearInterval(timer);
    document.open();
    document.write(request.responseText);
    document.close();
  });
  bar.hidden = false;
  form.querySelector('button[type=submit]')?.setAttribute('disabled', '');
  request.send(data);
});

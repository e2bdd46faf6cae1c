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
  request.addEventListener('load', () => {
    document.open();
    document.write(request.responseText);
    document.close();
  });
  bar.hidden = false;
  form.querySelector('button[type=submit]')?.setAttribute('disabled', '');
  request.send(new FormData(form));
});

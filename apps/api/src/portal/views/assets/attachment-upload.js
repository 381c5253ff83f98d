// Progressive upload to the API's own endpoint (the session cookie authenticates it), with progress shown.
document.getElementById('upload').addEventListener('submit', function (event) {
  event.preventDefault();
  var form = event.target, bar = document.getElementById('upload-progress'), message = document.getElementById('upload-message');
  var request = new XMLHttpRequest();
  request.open('POST', form.action);
  bar.hidden = false;
  request.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
  request.onload = function () {
    if (request.status === 201) { message.textContent = '上传成功'; location.reload(); return; }
    var body = {}; try { body = JSON.parse(request.responseText); } catch (e) {}
    message.textContent = '上传失败:' + (body.message || request.status);
    message.className = 'error';
  };
  request.onerror = function () { message.textContent = '上传失败:网络错误'; message.className = 'error'; };
  request.send(new FormData(form));
});

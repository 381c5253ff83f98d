// Progressive upload to the API's own endpoint (the session cookie authenticates it), with progress shown.
document.getElementById('upload').addEventListener('submit', function (event) {
  event.preventDefault();
  var form = event.target, bar = document.getElementById('upload-progress'), message = document.getElementById('upload-message');
  var request = new XMLHttpRequest();
  request.open('POST', form.action);
  bar.hidden = false;
  request.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
  request.onload = function () {
    if (request.status === 201) { message.textContent = '上传成功'; location.assign(location.pathname); return; }
    var body = {}; try { body = JSON.parse(request.responseText); } catch (e) {}
    // The API's message is Chinese; a form's field problems (400 with a list) are said here in the form's words.
    var text = typeof body.message === 'string' && !Array.isArray(body.details) ? body.message
      : request.status === 413 ? '文件超过大小上限。请压缩或拆分后重新上传。'
      : request.status === 400 ? '请选择附件类型和文件后再上传。'
      : request.status === 401 || request.status === 403 ? '登录已失效,请重新登录后再上传。'
      : '服务器暂时无法处理,请稍后重试。';
    message.textContent = '上传失败:' + text;
    message.className = 'error';
  };
  request.onerror = function () { message.textContent = '上传失败:网络错误'; message.className = 'error'; };
  request.send(new FormData(form));
});

/**
 * The web form's only script, served same-origin as /ui/app.js (`script-src 'self'`, nothing inline).
 * It only enhances a form that works without it: files dropped anywhere on the page (folders too, each
 * file keeping its path under the folder, so `node-1/var/lib/kubelet/config.yaml` names its node), a
 * list of the chosen files, and the report shown on the same page without losing what was typed.
 * Plain ES2017 with no build step; no template literals, so it sits in a TypeScript string.
 * @module
 */
export const SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('lint-form');
  if (!form || !window.fetch || !window.FormData || !window.DOMParser) return;
  var input = document.getElementById('files');
  var list = document.getElementById('file-list');
  var status = document.getElementById('form-status');
  var submit = form.querySelector('button[type=submit]');
  var ROOTS = ['etc', 'var', 'run', 'opt', 'usr', 'proc', 'srv', 'home', 'root', 'lib'];
  var chosen = [];

  function say(text) { status.textContent = text; }
  function counted() { return chosen.length === 1 ? '1 file chosen' : chosen.length + ' files chosen'; }
  function baseName(name) { return name.split('/').pop() || name; }

  /* A dropped folder's files keep their path: /etc/... as on the node, else node-name/etc/... */
  function nodePath(full) {
    var first = full.split('/')[1];
    return ROOTS.indexOf(first) >= 0 ? full : full.replace(/^\\/+/, '');
  }

  function add(file, name) {
    name = name || file.webkitRelativePath || file.name;
    if (baseName(name).charAt(0) === '.') return;
    for (var i = 0; i < chosen.length; i++) {
      if (chosen[i].name === name) { chosen[i].file = file; return; }
    }
    chosen.push({ name: name, file: file });
  }

  function render() {
    list.textContent = '';
    chosen.forEach(function (entry, index) {
      var item = document.createElement('li');
      var name = document.createElement('code');
      name.textContent = entry.name;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'quiet';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + entry.name);
      remove.addEventListener('click', function () {
        chosen.splice(index, 1);
        render();
        say(counted());
        input.focus();
      });
      item.appendChild(name);
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function walk(entry) {
    if (entry.isFile) {
      return new Promise(function (resolve) {
        entry.file(function (file) { add(file, nodePath(entry.fullPath)); resolve(); }, function () { resolve(); });
      });
    }
    if (!entry.isDirectory) return Promise.resolve();
    var reader = entry.createReader();
    var children = [];
    return new Promise(function (resolve) {
      (function more() {
        reader.readEntries(function (batch) {
          if (batch.length === 0) { Promise.all(children.map(walk)).then(function () { resolve(); }); return; }
          children = children.concat(Array.prototype.slice.call(batch));
          more();
        }, function () { resolve(); });
      })();
    });
  }

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }

  input.addEventListener('change', function () {
    Array.prototype.forEach.call(input.files, function (file) { add(file); });
    input.value = '';
    render();
    say(counted());
  });

  var depth = 0;
  document.addEventListener('dragenter', function (event) {
    if (!hasFiles(event)) return;
    depth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', function () {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', function (event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    var entries = [];
    var items = event.dataTransfer.items || [];
    for (var i = 0; i < items.length; i++) {
      var entry = items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null;
      if (entry) entries.push(entry);
    }
    var done = function () { render(); say(counted()); };
    if (entries.length > 0) { Promise.all(entries.map(walk)).then(done); return; }
    Array.prototype.forEach.call(event.dataTransfer.files, function (file) { add(file); });
    done();
  });

  /* The deployment's body limit, checked before anything is uploaded; the server checks it again. */
  var maxBytes = Number(form.getAttribute('data-max-bytes')) || Infinity;
  var maxLabel = form.getAttribute('data-max-label') || '';
  function mebibytes(n) { return (n / 1048576).toFixed(1) + ' MiB'; }
  function uploadSize() {
    var pasted = form.elements.namedItem('content');
    var total = pasted && pasted.value ? new Blob([pasted.value]).size : 0;
    chosen.forEach(function (entry) { total += entry.file.size; });
    return total;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var size = uploadSize();
    if (size > maxBytes) {
      say('These files are ' + mebibytes(size) + ' in all, over the limit of ' + maxLabel + ': remove some, or lint them in several runs.');
      return;
    }
    var data = new FormData();
    chosen.forEach(function (entry) { data.append('file', entry.file, entry.name); });
    new FormData(form).forEach(function (value, key) { if (key !== 'file') data.append(key, value); });
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    say('Linting ' + (chosen.length === 1 ? '1 file' : chosen.length + ' files') + '…');
    fetch(form.action, { method: 'POST', body: data, headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('report');
        if (!fresh) throw new Error('no report in the answer');
        fresh = document.importNode(fresh, true);
        var old = document.getElementById('report');
        if (old) old.parentNode.replaceChild(fresh, old);
        else form.parentNode.parentNode.insertBefore(fresh, form.parentNode);
        document.title = page.title;
        say('');
        var heading = fresh.querySelector('h2');
        if (heading) heading.focus();
      })
      .catch(function () { say('The report could not be loaded. Check the connection and try again.'); })
      .then(function () {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      });
  });
})();
`;

// The reviewers' upload page: plain JavaScript, no library and nothing fetched from elsewhere,
// so that it works on a commune's network without internet. It only calls the ingest API.
(function () {
  'use strict';

  var TOKEN_KEY = 'povertyReviewToken';
  var LANGUAGE_KEY = 'povertyReviewLanguage';
  // Rows shown per rule; the rejected-rows workbook holds them all.
  var ROWS_SHOWN = 200;
  var MEDIA_TYPES = {
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    csv: 'text/csv',
    json: 'application/json',
    ndjson: 'application/x-ndjson',
    jsonl: 'application/x-ndjson'
  };

  var TEXT = {
    vi: {
      title: 'Tải lên danh sách rà soát hộ nghèo, hộ cận nghèo',
      signOut: 'Đăng xuất',
      signInTitle: 'Đăng nhập',
      signInHelp: 'Nhập mã truy cập quản trị viên đã cấp cho xã của bạn.',
      tokenLabel: 'Mã truy cập',
      signIn: 'Đăng nhập',
      badToken: 'Mã truy cập không đúng hoặc đã bị thu hồi. Hãy kiểm tra lại, hoặc xin quản trị viên cấp mã mới.',
      offline: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
      template: 'Tải mẫu danh sách (.xlsx)',
      dropTitle: 'Kéo thả tệp vào đây, hoặc bấm để chọn tệp',
      dropHelp: 'Sổ tính Excel (.xlsx), CSV (UTF-8) hoặc JSON',
      accepted: 'hộ đã nhận',
      rejected: 'hộ bị từ chối',
      ignored: 'cột bị bỏ qua',
      total: 'dòng đã đọc',
      ignoredTitle: 'Cột bị bỏ qua',
      rejectedTitle: 'Các dòng bị từ chối',
      downloadRejected: 'Tải các dòng bị từ chối (.xlsx)',
      rejectedHelp: 'Tải tệp các dòng bị từ chối, sửa các ô tô đỏ theo cột Lỗi, lưu rồi tải lên lại. Các hộ đã nhận không cần gửi lại.',
      signedInAdmin: 'Đã đăng nhập: quản trị viên (mọi xã).',
      signedInAs: 'Đã đăng nhập, được gửi cho: ',
      sending: 'Đang gửi tệp ',
      allAccepted: 'Đã nhận tất cả {n} hộ.',
      partlyAccepted: 'Đã nhận {a} hộ; {r} hộ bị từ chối, cần sửa và gửi lại.',
      noneAccepted: 'Không hộ nào được nhận: cả {r} hộ đều bị từ chối.',
      refused: 'Tệp không được nhận: ',
      unknownType: 'Chỉ nhận tệp .xlsx, .csv, .json hoặc .ndjson.',
      where: 'Vị trí',
      household: 'Mã hộ',
      error: 'Lỗi',
      rows: 'dòng',
      more: 'Còn {n} dòng nữa: xem đủ trong tệp các dòng bị từ chối.',
      line: 'Dòng ',
      record: 'Bản ghi ',
      row: 'hàng ',
      at: 'Vị trí: ',
      downloadFailed: 'Không tải được tệp: '
    },
    en: {
      title: 'Upload household poverty review lists',
      signOut: 'Sign out',
      signInTitle: 'Sign in',
      signInHelp: 'Enter the access token an administrator gave your commune.',
      tokenLabel: 'Access token',
      signIn: 'Sign in',
      badToken: 'The token is wrong or was revoked. Check it, or ask an administrator for a new one.',
      offline: 'The server cannot be reached. Check the network and try again.',
      template: 'Download the template (.xlsx)',
      dropTitle: 'Drop a file here, or click to choose one',
      dropHelp: 'Excel workbook (.xlsx), CSV (UTF-8) or JSON',
      accepted: 'households accepted',
      rejected: 'households rejected',
      ignored: 'columns ignored',
      total: 'rows read',
      ignoredTitle: 'Ignored columns',
      rejectedTitle: 'Rejected rows',
      downloadRejected: 'Download the rejected rows (.xlsx)',
      rejectedHelp: 'Download the rejected rows, fix the cells marked red as the Lỗi (errors) column says, save and upload that file. Accepted households need not be sent again.',
      signedInAdmin: 'Signed in: administrator (every commune).',
      signedInAs: 'Signed in, may submit for: ',
      sending: 'Sending ',
      allAccepted: 'All {n} households accepted.',
      partlyAccepted: '{a} households accepted; {r} rejected, to fix and send again.',
      noneAccepted: 'No household accepted: all {r} were rejected.',
      refused: 'The file was refused: ',
      unknownType: 'Only .xlsx, .csv, .json or .ndjson files are taken.',
      where: 'Where',
      household: 'Household',
      error: 'Error',
      rows: 'rows',
      more: '{n} more rows: see them all in the rejected-rows workbook.',
      line: 'Line ',
      record: 'Record ',
      row: 'row ',
      at: 'At: ',
      downloadFailed: 'The file could not be downloaded: '
    }
  };

  var state = { language: sessionStorage.getItem(LANGUAGE_KEY) || 'vi', me: null, file: null, answer: null, problem: null };

  function $(id) { return document.getElementById(id); }
  function t(key) { return TEXT[state.language][key]; }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function request(method, path, body, contentType) {
    var headers = { 'Authorization': 'Bearer ' + token(), 'Accept-Language': state.language };
    if (contentType) { headers['Content-Type'] = contentType; }
    return fetch(path, { method: method, headers: headers, body: body });
  }

  // ---- Signing in ----

  function showSignIn(problem) {
    $('sign-in').hidden = false;
    $('workspace').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-error').hidden = !problem;
    $('sign-in-error').textContent = problem ? t(problem) : '';
  }

  function signIn(candidate) {
    sessionStorage.setItem(TOKEN_KEY, candidate);
    return request('GET', '/api/v1/me').then(function (response) {
      if (!response.ok) {
        sessionStorage.removeItem(TOKEN_KEY);
        showSignIn('badToken');
        return;
      }
      return response.json().then(function (me) {
        state.me = me;
        $('sign-in').hidden = true;
        $('workspace').hidden = false;
        $('sign-out').hidden = false;
        render();
      });
    }, function () { showSignIn('offline'); });
  }

  function renderWho() {
    var me = state.me;
    if (!me) { return; }
    if (me.allCommunes) {
      $('who').textContent = t('signedInAdmin');
      return;
    }
    var names = me.communes.map(function (c) { return c.name + ' (' + c.code + ')'; });
    $('who').textContent = t('signedInAs') + names.filter(function (n, i) { return names.indexOf(n) === i; }).join(', ');
  }

  // ---- Uploading ----

  function mediaTypeOf(file) {
    var dot = file.name.lastIndexOf('.');
    return MEDIA_TYPES[file.name.substring(dot + 1).toLowerCase()];
  }

  function upload(file) {
    var type = mediaTypeOf(file);
    state.file = file;
    state.answer = null;
    state.problem = null;
    $('file-name').textContent = file.name;
    if (!type) {
      state.problem = { message: t('unknownType') };
      render();
      return;
    }
    showStatus('busy', t('sending') + file.name + ' …');
    $('summary').hidden = true;
    request('POST', '/api/v1/reviews', file, type).then(function (response) {
      return response.json().then(function (body) {
        if (response.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          showSignIn('badToken');
          return;
        }
        if (response.status === 202 || (response.status === 422 && body.rejected)) {
          state.answer = body;
        } else {
          state.problem = body;
        }
        render();
      });
    }, function () {
      state.problem = { message: t('offline') };
      render();
    });
  }

  function downloadRejected() {
    var button = $('download-rejected');
    button.disabled = true;
    var base = state.file.name.replace(/\.[^.]*$/, '');
    request('POST', '/api/v1/reviews/rejected.xlsx', state.file, mediaTypeOf(state.file))
      .then(function (response) { return save(response, base + '-bi-tu-choi.xlsx'); })
      .then(function () { button.disabled = false; }, function () { button.disabled = false; });
  }

  function downloadTemplate() {
    request('GET', '/api/v1/templates/reviews.xlsx').then(function (response) {
      return save(response, 'mau-danh-sach-ra-soat.xlsx');
    });
  }

  function save(response, name) {
    if (!response.ok) {
      return response.json().then(function (body) {
        state.problem = { message: t('downloadFailed') + messageOf(body) };
        render();
      });
    }
    return response.blob().then(function (blob) {
      var link = element('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    });
  }

  // ---- Showing the answer ----

  function messageOf(item) {
    return (state.language === 'en' ? item.messageEn : item.messageVi) || item.message || '';
  }

  function showStatus(kind, text, detail) {
    var status = $('status');
    status.hidden = false;
    status.className = 'status ' + kind;
    status.textContent = text;
    if (detail) { status.appendChild(element('span', 'detail', detail)); }
  }

  function render() {
    document.documentElement.lang = state.language;
    document.querySelectorAll('[data-text]').forEach(function (e) { e.textContent = t(e.getAttribute('data-text')); });
    $('lang-vi').setAttribute('aria-pressed', String(state.language === 'vi'));
    $('lang-en').setAttribute('aria-pressed', String(state.language === 'en'));
    renderWho();
    if (state.problem) {
      $('summary').hidden = true;
      var rule = state.problem.rule || state.problem.error;
      var where = state.problem.line ? t('at') + t('line') + state.problem.line : '';
      showStatus('bad', t('refused') + messageOf(state.problem), [rule, where].filter(Boolean).join(' · '));
      return;
    }
    if (!state.answer) {
      $('status').hidden = true;
      $('summary').hidden = true;
      return;
    }
    renderSummary(state.answer);
  }

  function renderSummary(answer) {
    var accepted = answer.accepted;
    var rejected = answer.rejected.length;
    $('summary').hidden = false;
    $('count-accepted').textContent = accepted;
    $('count-rejected').textContent = rejected;
    $('count-ignored').textContent = answer.ignoredColumns.length;
    $('count-total').textContent = accepted + rejected;
    if (rejected === 0) {
      showStatus('ok', fill(t('allAccepted'), { n: accepted }));
    } else if (accepted > 0) {
      showStatus('partial', fill(t('partlyAccepted'), { a: accepted, r: rejected }));
    } else {
      showStatus('bad', fill(t('noneAccepted'), { r: rejected }));
    }

    var ignored = $('ignored-list');
    ignored.textContent = '';
    answer.ignoredColumns.forEach(function (column) {
      var item = element('li', null, messageOf(column) + ' ');
      item.appendChild(element('span', 'rule', column.rule));
      ignored.appendChild(item);
    });
    $('ignored-section').hidden = answer.ignoredColumns.length === 0;

    $('rejected-section').hidden = rejected === 0;
    renderRejected(answer.rejected);
  }

  // Groups the errors by rule, as a reviewer fixes them: all the wrong areas, then all the wrong dates.
  function renderRejected(rejections) {
    var groups = {};
    var order = [];
    rejections.forEach(function (rejection) {
      rejection.errors.forEach(function (error) {
        if (!groups[error.rule]) { groups[error.rule] = []; order.push(error.rule); }
        groups[error.rule].push({ rejection: rejection, error: error });
      });
    });
    var container = $('rejected-groups');
    container.textContent = '';
    order.forEach(function (rule) {
      var items = groups[rule];
      var group = element('details', 'group');
      group.open = true;
      group.setAttribute('data-rule', rule);
      var title = element('summary', null, items.length + ' ' + t('rows'));
      title.appendChild(element('span', 'rule', rule));
      group.appendChild(title);
      var table = element('table');
      var head = element('tr');
      [t('where'), t('household'), t('error')].forEach(function (h) { head.appendChild(element('th', null, h)); });
      table.appendChild(head);
      items.slice(0, ROWS_SHOWN).forEach(function (item) {
        var row = element('tr', 'rejected-row');
        row.appendChild(element('td', 'place', placeOf(item.rejection, item.error)));
        row.appendChild(element('td', 'household', item.rejection.householdId || ''));
        row.appendChild(element('td', 'message', withoutCell(messageOf(item.error), item.error.cell)));
        table.appendChild(row);
      });
      group.appendChild(table);
      if (items.length > ROWS_SHOWN) {
        group.appendChild(element('p', 'more', fill(t('more'), { n: items.length - ROWS_SHOWN })));
      }
      container.appendChild(group);
    });
  }

  function placeOf(rejection, error) {
    if (error.cell) { return error.cell; }
    if (rejection.sheet) { return rejection.sheet + ', ' + t('row') + rejection.line; }
    if (rejection.line) { return t('line') + rejection.line; }
    return t('record') + (rejection.index + 1);
  }

  // The message starts with its cell, which the table shows in a column of its own.
  function withoutCell(message, cell) {
    if (!cell) { return message; }
    var prefixes = ['Ô ' + cell + ': ', 'Cell ' + cell + ': '];
    for (var i = 0; i < prefixes.length; i++) {
      if (message.indexOf(prefixes[i]) === 0) { return message.substring(prefixes[i].length); }
    }
    return message;
  }

  // ---- Wiring ----

  function setLanguage(language) {
    state.language = language;
    sessionStorage.setItem(LANGUAGE_KEY, language);
    render();
    if (!$('sign-in-error').hidden) { $('sign-in-error').textContent = t('badToken'); }
  }

  $('lang-vi').addEventListener('click', function () { setLanguage('vi'); });
  $('lang-en').addEventListener('click', function () { setLanguage('en'); });
  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    signIn($('token').value.trim());
  });
  $('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    state.me = null;
    state.answer = null;
    state.problem = null;
    $('token').value = '';
    showSignIn(null);
  });
  $('template-button').addEventListener('click', downloadTemplate);
  $('download-rejected').addEventListener('click', downloadRejected);
  $('file').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (file) { upload(file); }
    // So that choosing the same file again, fixed, uploads it again.
    event.target.value = '';
  });
  var drop = $('drop');
  drop.addEventListener('dragover', function () { drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function () { drop.classList.remove('over'); });

  render();
  if (token()) { signIn(token()); } else { showSignIn(null); }
})();

// The dashboard: plain JavaScript and inline SVG, no library and nothing fetched from elsewhere, so
// that it works on a commune office's network without internet. It only reads the ingest API.
(function () {
  'use strict';

  // The same keys as the upload page: one sign-in serves both pages of a browser tab.
  var TOKEN_KEY = 'povertyReviewToken';
  var LANGUAGE_KEY = 'povertyReviewLanguage';
  var FIRST_YEAR = 2022;
  var SEVERITY = { MISSED: 3, AT_RISK: 2, ON_TRACK: 1, MET: 0 };

  var TEXT = {
    vi: {
      title: 'Bảng theo dõi rà soát hộ nghèo, hộ cận nghèo',
      year: 'Năm rà soát',
      signOut: 'Đăng xuất',
      signInTitle: 'Đăng nhập',
      signInHelp: 'Nhập mã truy cập quản trị viên đã cấp cho bạn.',
      tokenLabel: 'Mã truy cập',
      signIn: 'Đăng nhập',
      badToken: 'Mã truy cập không đúng hoặc đã bị thu hồi.',
      offline: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
      downloadXlsx: 'Tải báo cáo (.xlsx)',
      households: 'Tổng số hộ',
      poor: 'Số hộ nghèo',
      poorRate: 'Tỷ lệ hộ nghèo (%)',
      nearPoorRate: 'Tỷ lệ hộ cận nghèo (%)',
      unitColumn: 'Đơn vị',
      progress: 'Tiến độ rà soát (%)',
      targetStatus: 'Chỉ tiêu',
      trendTitle: 'Tỷ lệ hộ nghèo qua các năm',
      deprivationTitle: 'Hộ nghèo thiếu hụt theo chỉ số',
      movementTitle: 'Biến động hộ nghèo, hộ cận nghèo',
      targetsTitle: 'Chỉ tiêu giảm nghèo',
      disagreementsTitle: 'Hộ có phân loại khác chuẩn nghèo',
      levels: { NATION: 'Toàn quốc', PROVINCE: 'Tỉnh, thành phố', DISTRICT: 'Huyện, quận, thị xã', COMMUNE: 'Xã, phường, thị trấn', VILLAGE: 'Thôn, tổ dân phố' },
      noChildren: 'Không có đơn vị cấp dưới.',
      none: 'Không có.',
      balanced: 'cân đối',
      unbalanced: 'KHÔNG cân đối',
      alkireFoster: 'Nghèo đa chiều (Alkire–Foster): H = {h}, A = {a}, M0 = {m0}',
      measure: 'Chỉ tiêu', value: 'Mức', completion: 'Hoàn thành (%)', gap: 'Chênh lệch (hộ)', status: 'Trạng thái',
      household: 'Mã hộ', village: 'Thôn', reviewer: 'Phân loại khi rà soát', standard: 'Theo chuẩn',
      classes: { POOR: 'Hộ nghèo', NEAR_POOR: 'Hộ cận nghèo', NOT_POOR: 'Không nghèo' },
      alertsTitle: 'Cảnh báo chỉ tiêu đang mở',
      noAlerts: 'Không có cảnh báo nào.',
      signedInAdmin: 'Quản trị viên: mọi đơn vị.',
      signedInAs: 'Được xem: '
    },
    en: {
      title: 'Household poverty review dashboard',
      year: 'Review year',
      signOut: 'Sign out',
      signInTitle: 'Sign in',
      signInHelp: 'Enter the access token an administrator gave you.',
      tokenLabel: 'Access token',
      signIn: 'Sign in',
      badToken: 'The token is wrong or was revoked.',
      offline: 'The server cannot be reached. Check the network and try again.',
      downloadXlsx: 'Download the report (.xlsx)',
      households: 'Total households',
      poor: 'Poor households',
      poorRate: 'Poverty rate (%)',
      nearPoorRate: 'Near-poverty rate (%)',
      unitColumn: 'Unit',
      progress: 'Review progress (%)',
      targetStatus: 'Target',
      trendTitle: 'Poverty rate over the years',
      deprivationTitle: 'Poor households deprived, per indicator',
      movementTitle: 'Movement of poor and near-poor households',
      targetsTitle: 'Poverty reduction targets',
      disagreementsTitle: 'Households classified otherwise than the standard',
      levels: { NATION: 'Nation', PROVINCE: 'Provinces', DISTRICT: 'Districts', COMMUNE: 'Communes', VILLAGE: 'Villages' },
      noChildren: 'No units under this one.',
      none: 'None.',
      balanced: 'balanced',
      unbalanced: 'NOT balanced',
      alkireFoster: 'Multidimensional poverty (Alkire–Foster): H = {h}, A = {a}, M0 = {m0}',
      measure: 'Measure', value: 'Value', completion: 'Completion (%)', gap: 'Gap (households)', status: 'Status',
      household: 'Household', village: 'Village', reviewer: 'Reviewer\'s classification', standard: 'Standard\'s',
      classes: { POOR: 'Poor', NEAR_POOR: 'Near-poor', NOT_POOR: 'Not poor' },
      alertsTitle: 'Open target alerts',
      noAlerts: 'No alerts.',
      signedInAdmin: 'Administrator: every unit.',
      signedInAs: 'May see: '
    }
  };

  var state = { language: sessionStorage.getItem(LANGUAGE_KEY) || 'vi', me: null, page: null, problem: null,
    sort: { key: null, descending: true }, alerts: [], following: null };

  function $(id) { return document.getElementById(id); }
  function t(key) { return TEXT[state.language][key]; }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function request(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token(), 'Accept-Language': state.language } });
  }
  function count(n) { return n === null || n === undefined ? '' : Number(n).toLocaleString(state.language === 'vi' ? 'vi-VN' : 'en-US'); }
  // Rates come rounded once by the server; shown with their two decimals as they are.
  function rate(r) { return r === null || r === undefined ? '' : Number(r).toFixed(2); }
  function ratio(r) { return r === null || r === undefined ? '–' : Number(r).toFixed(3); }

  // ---- Where we are: #/<year>/<unitCode> ----

  function location() {
    var parts = window.location.hash.replace(/^#\/?/, '').split('/');
    var year = parseInt(parts[0], 10);
    return { year: isNaN(year) ? null : year, unit: parts[1] || null };
  }
  function go(year, unit) { window.location.hash = '#/' + year + '/' + unit; }

  /** Where a token starts: the nation for the admin, else its first province or commune. */
  function home() {
    var me = state.me;
    if (me.allCommunes) { return 'VN'; }
    if (me.provinceCodes && me.provinceCodes.length) { return me.provinceCodes[0]; }
    return me.communes.length ? me.communes[0].code : 'VN';
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
    return request('/api/v1/me').then(function (response) {
      if (!response.ok) {
        sessionStorage.removeItem(TOKEN_KEY);
        showSignIn('badToken');
        return;
      }
      return response.json().then(function (me) {
        state.me = me;
        followAlerts();
        $('sign-in').hidden = true;
        $('workspace').hidden = false;
        $('sign-out').hidden = false;
        var here = location();
        if (here.year === null || here.unit === null) {
          latestYear(home(), here.year || thisYear, 3);
        } else {
          load();
        }
      });
    }, function () { showSignIn('offline'); });
  }

  // ---- Live alerts ----

  // Server-sent events, read with fetch: EventSource cannot send the token in a header.
  function followAlerts() {
    if (state.following) { state.following.abort(); }
    var controller = new AbortController();
    state.following = controller;
    state.alerts = [];
    fetch('/api/v1/dashboard/alerts', { headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'text/event-stream' },
      signal: controller.signal }).then(function (response) {
      if (!response.ok) { return; }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw new Error('closed'); }
          buffer += decoder.decode(chunk.value, { stream: true });
          var events = buffer.split('\n\n');
          buffer = events.pop();
          events.forEach(receive);
          return read();
        });
      }
      return read();
    }).catch(function () {
      // Gone (the server restarted, the network dropped): follow again unless signed out or replaced.
      if (state.following === controller && token()) { setTimeout(followAlerts, 2000); }
    });
  }

  function receive(event) {
    var name = null; var data = '';
    event.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) { name = line.substring(6).trim(); }
      if (line.indexOf('data:') === 0) { data += line.substring(5).trim(); }
    });
    if (name !== 'alert' || !data) { return; }
    var alert = JSON.parse(data);
    // An alert may come twice (open when the page connected, and new); one per id is kept.
    state.alerts = state.alerts.filter(function (a) { return a.alertId !== alert.alertId; });
    state.alerts.unshift(alert);
    renderAlerts();
  }

  function renderAlerts() {
    var list = $('alerts');
    list.textContent = '';
    $('no-alerts').hidden = state.alerts.length > 0;
    state.alerts.forEach(function (alert) {
      var item = element('li');
      item.setAttribute('data-alert-id', alert.alertId);
      item.setAttribute('data-unit', alert.unitCode);
      item.appendChild(element('span', 'badge ' + alert.status, statusName(alert.status)));
      item.appendChild(document.createTextNode(' '));
      var link = unitLink(alert.reviewYear, { code: alert.unitCode, name: alert.unitName });
      item.appendChild(link);
      item.appendChild(document.createTextNode(': ' + (state.language === 'vi' ? alert.messageVi : alert.messageEn)));
      item.appendChild(element('span', 'when', String(alert.raisedAt).replace('T', ' ').substring(0, 16)));
      list.appendChild(item);
    });
  }

  // ---- Loading a unit's page ----

  /** Opens the latest of the next {@code tries} years, from {@code year} down, that has figures of the unit. */
  function latestYear(unit, year, tries) {
    request('/api/v1/dashboard/' + year + '/' + encodeURIComponent(unit)).then(function (response) {
      if (response.status === 404 && tries > 1 && year > FIRST_YEAR) {
        latestYear(unit, year - 1, tries - 1);
      } else {
        go(year, unit);
      }
    }, function () { go(year, unit); });
  }

  function load() {
    var here = location();
    if (!state.me || here.year === null || here.unit === null) { return; }
    $('year').value = String(here.year);
    request('/api/v1/dashboard/' + here.year + '/' + encodeURIComponent(here.unit)).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          state.page = body;
          state.problem = null;
        } else {
          state.page = null;
          state.problem = body;
        }
        state.sort = { key: null, descending: true };
        render();
      });
    }, function () {
      state.page = null;
      state.problem = { messageVi: TEXT.vi.offline, messageEn: TEXT.en.offline };
      render();
    });
  }

  // ---- Drawing ----

  function render() {
    document.documentElement.lang = state.language;
    document.title = t('title');
    $('lang-vi').setAttribute('aria-pressed', String(state.language === 'vi'));
    $('lang-en').setAttribute('aria-pressed', String(state.language === 'en'));
    document.querySelectorAll('[data-text]').forEach(function (e) { e.textContent = t(e.getAttribute('data-text')); });
    if (!state.me) { return; }
    renderWho();
    renderAlerts();
    var problem = state.problem;
    $('problem').hidden = !problem;
    if (problem) {
      $('problem').textContent = (state.language === 'vi' ? problem.messageVi : problem.messageEn) || problem.message || '';
      $('problem').setAttribute('data-rule', problem.rule || problem.error || '');
    }
    $('unit').hidden = !state.page;
    $('breadcrumb').textContent = '';
    if (!state.page) { return; }
    var page = state.page;
    renderBreadcrumb(page);
    $('unit-name').textContent = page.unit.name + ' (' + page.unit.code + ') – ' + page.reviewYear;
    $('fig-households').textContent = count(page.figures.households);
    $('fig-poor').textContent = count(page.figures.poor);
    $('fig-poor-rate').textContent = rate(page.figures.poorRate);
    $('fig-near-poor-rate').textContent = rate(page.figures.nearPoorRate);
    renderChildren(page);
    renderTrend(page.trend);
    renderDeprivations(page);
    renderMovements(page);
    renderTargets(page.targets);
    renderDisagreements(page.disagreements);
  }

  function renderWho() {
    var me = state.me;
    if (me.allCommunes) {
      $('who').textContent = t('signedInAdmin');
      return;
    }
    var names = (me.provinceCodes || []).concat(me.communes.map(function (c) { return c.name + ' (' + c.code + ')'; }));
    $('who').textContent = t('signedInAs') + names.filter(function (n, i) { return names.indexOf(n) === i; }).join(', ');
  }

  function unitLink(year, unit) {
    var a = element('a', null, unit.name);
    a.href = '#/' + year + '/' + unit.code;
    a.setAttribute('data-code', unit.code);
    return a;
  }

  function renderBreadcrumb(page) {
    var crumb = $('breadcrumb');
    page.parents.forEach(function (parent) {
      crumb.appendChild(unitLink(page.reviewYear, parent));
      crumb.appendChild(element('span', 'sep', '›'));
    });
    crumb.appendChild(element('span', 'current', page.unit.name));
  }

  function sortValue(child, key) {
    switch (key) {
      case 'name': return child.unit.name;
      case 'households': return child.figures.households;
      case 'poor': return child.figures.poor;
      case 'poorRate': return child.figures.poorRate === null ? null : Number(child.figures.poorRate);
      case 'nearPoorRate': return child.figures.nearPoorRate === null ? null : Number(child.figures.nearPoorRate);
      case 'reviewedPercent': return child.reviewedPercent === null ? null : Number(child.reviewedPercent);
      case 'status': return child.targetStatus === null ? -1 : SEVERITY[child.targetStatus];
      default: return null;
    }
  }

  function renderChildren(page) {
    var levelName = page.childLevel ? t('levels')[page.childLevel] : '';
    $('children-title').textContent = levelName;
    $('children').setAttribute('data-level', page.childLevel || '');
    var children = page.children.slice();
    // The server's order is worst first; a header click sorts by that column.
    if (state.sort.key) {
      var key = state.sort.key;
      var sign = state.sort.descending ? -1 : 1;
      children.sort(function (a, b) {
        var x = sortValue(a, key); var y = sortValue(b, key);
        if (x === y) { return 0; }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        return (x < y ? -1 : 1) * sign;
      });
    }
    document.querySelectorAll('#children th').forEach(function (th) {
      if (th.getAttribute('data-sort') === state.sort.key) {
        th.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    var body = document.querySelector('#children tbody');
    body.textContent = '';
    if (!children.length) {
      var empty = element('tr');
      var cell = element('td', null, t('noChildren'));
      cell.colSpan = 7;
      empty.appendChild(cell);
      body.appendChild(empty);
      return;
    }
    children.forEach(function (child) {
      var row = element('tr');
      row.setAttribute('data-code', child.unit.code);
      var name = element('td');
      name.appendChild(unitLink(page.reviewYear, child.unit));
      row.appendChild(name);
      row.appendChild(element('td', 'households', count(child.figures.households)));
      row.appendChild(element('td', 'poor', count(child.figures.poor)));
      row.appendChild(element('td', 'poor-rate', rate(child.figures.poorRate)));
      row.appendChild(element('td', 'near-poor-rate', rate(child.figures.nearPoorRate)));
      row.appendChild(element('td', 'progress', child.reviewedPercent === null ? '' : rate(child.reviewedPercent)));
      var status = element('td', 'target-status');
      if (child.targetStatus) {
        status.appendChild(element('span', 'badge ' + child.targetStatus, statusName(child.targetStatus)));
      }
      row.appendChild(status);
      body.appendChild(row);
    });
  }

  function statusName(status) {
    var names = { vi: { MISSED: 'Không đạt', AT_RISK: 'Có nguy cơ', ON_TRACK: 'Đúng tiến độ', MET: 'Đạt' },
      en: { MISSED: 'Missed', AT_RISK: 'At risk', ON_TRACK: 'On track', MET: 'Met' } };
    return names[state.language][status] || status;
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { e.setAttribute(name, attributes[name]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function renderTrend(trend) {
    var box = $('trend');
    box.textContent = '';
    var points = trend.filter(function (p) { return p.figures.poorRate !== null; });
    var width = 480; var height = 220; var left = 40; var bottom = 30; var top = 16;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': t('trendTitle') });
    var highest = Math.max.apply(null, points.map(function (p) { return Number(p.figures.poorRate); }).concat([1]));
    var step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
    var path = '';
    points.forEach(function (p, i) {
      var x = left + (points.length > 1 ? i * step : (width - left) / 2);
      var y = top + (height - top - bottom) * (1 - Number(p.figures.poorRate) / highest);
      path += (i ? ' L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1);
      chart.appendChild(svg('circle', { cx: x, cy: y, r: 4, fill: '#1d4ed8', 'data-year': p.reviewYear }));
      chart.appendChild(svg('text', { x: x, y: y - 8, 'text-anchor': 'middle' }, rate(p.figures.poorRate)));
      chart.appendChild(svg('text', { x: x, y: height - 10, 'text-anchor': 'middle' }, String(p.reviewYear)));
    });
    if (points.length > 1) {
      chart.insertBefore(svg('path', { d: path, fill: 'none', stroke: '#1d4ed8', 'stroke-width': 2 }), chart.firstChild);
    }
    chart.appendChild(svg('line', { x1: left - 10, y1: height - bottom, x2: width - 10, y2: height - bottom, stroke: '#9fb3c8' }));
    box.appendChild(chart);
  }

  /** The unit's own row of a report table: its own figures if shown, else the total, else its only row. */
  function ownRow(table) {
    var own = table.rows.filter(function (r) { return r.kind === 'OWN'; })[0];
    var total = table.rows.filter(function (r) { return r.kind === 'TOTAL'; })[0];
    return own || total || table.rows.filter(function (r) { return r.kind === 'UNIT'; })[0];
  }

  function header(column) { return state.language === 'vi' ? column.vietnamese : column.english; }

  function renderDeprivations(page) {
    var box = $('deprivations');
    box.textContent = '';
    var table = page.deprivations;
    var row = ownRow(table);
    var bars = [];
    table.columns.forEach(function (column, i) {
      // The poor households' deprivations: the columns after the two counts, for the poor.
      if (i >= 4 && i < 4 + 12 && row && typeof row.values[i] === 'number') {
        bars.push({ label: header(column), value: row.values[i] });
      }
    });
    var width = 480; var barHeight = 16; var gap = 4; var labelWidth = 200;
    var height = Math.max(bars.length, 1) * (barHeight + gap) + 10;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': t('deprivationTitle') });
    var highest = Math.max.apply(null, bars.map(function (b) { return b.value; }).concat([1]));
    bars.forEach(function (bar, i) {
      var y = 4 + i * (barHeight + gap);
      var length = (width - labelWidth - 60) * bar.value / highest;
      chart.appendChild(svg('text', { x: labelWidth - 6, y: y + barHeight - 4, 'text-anchor': 'end' }, bar.label.substring(0, 34)));
      chart.appendChild(svg('rect', { x: labelWidth, y: y, width: Math.max(length, 1), height: barHeight, fill: '#b02a37' }));
      chart.appendChild(svg('text', { x: labelWidth + length + 4, y: y + barHeight - 4 }, count(bar.value)));
    });
    box.appendChild(chart);
    var af = page.alkireFoster;
    $('alkire-foster').textContent = fill(t('alkireFoster'),
      { h: ratio(af.headcountRatio), a: ratio(af.intensity), m0: ratio(af.adjustedHeadcount) });
  }

  function renderTable(target, headers, rows) {
    target.textContent = '';
    var head = element('thead');
    var tr = element('tr');
    headers.forEach(function (h) { tr.appendChild(element('th', null, h)); });
    head.appendChild(tr);
    target.appendChild(head);
    var body = element('tbody');
    if (!rows.length) {
      var empty = element('tr');
      var cell = element('td', null, t('none'));
      cell.colSpan = headers.length;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    rows.forEach(function (row) {
      var line = element('tr', row.className || null);
      row.cells.forEach(function (c) { line.appendChild(element('td', null, c)); });
      body.appendChild(line);
    });
    target.appendChild(body);
  }

  function renderMovements(page) {
    var table = page.movements;
    renderTable($('movements'), table.columns.map(header), table.rows.filter(function (r) { return r.kind !== 'NOTE'; })
      .map(function (r) {
        return { className: r.kind === 'TOTAL' ? 'total' : null, cells: r.values.map(function (v, i) {
          return typeof v === 'number' && table.columns[i].kind === 'COUNT' ? count(v) : (v === null ? '' : String(v));
        }) };
      }));
    var list = $('balances');
    list.textContent = '';
    page.balances.forEach(function (b) {
      var item = element('li', b.balanced ? 'ok' : 'bad', (state.language === 'vi' ? b.vietnamese : b.english) + ': '
        + count(b.left) + ' = ' + count(b.right) + ' (' + (b.balanced ? t('balanced') : t('unbalanced')) + ')');
      item.setAttribute('data-identity', b.identity);
      item.title = b.formula;
      list.appendChild(item);
    });
  }

  function renderTargets(targets) {
    renderTable($('targets'), [t('unitColumn'), t('measure'), t('value'), t('completion'), t('gap'), t('status')],
      targets.map(function (target) {
        return { cells: [target.unitName + ' (' + target.unitCode + ')', target.measure + ' / ' + target.kind,
          String(target.targetValue), rate(target.completionPercent), count(target.gapHouseholds),
          state.language === 'vi' ? target.statusVi : target.statusEn] };
      }));
  }

  function renderDisagreements(rows) {
    var classes = t('classes');
    renderTable($('disagreements'), [t('household'), t('village'), t('reviewer'), t('standard')],
      rows.map(function (row) {
        return { cells: [row.householdId, row.villageUnitCode, classes[row.reviewer], classes[row.standard]] };
      }));
  }

  // The report needs the token, which a plain link cannot send: fetch it and hand the file over.
  function downloadReport() {
    var page = state.page;
    request(page.reportXlsx).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) { state.problem = problem; render(); });
      }
      return response.blob().then(function (blob) {
        var a = element('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'bao-cao-' + page.reviewYear + '-' + page.unit.code + '.xlsx';
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    });
  }

  // ---- Wiring ----

  // Years up to 2024 are of the three-level map, from 2025 of the two-level one; the current
  // calendar year is the season under way.
  var thisYear = Math.max(new Date().getFullYear(), 2025);
  for (var year = thisYear; year >= FIRST_YEAR; year--) {
    var option = element('option', null, String(year));
    option.value = String(year);
    $('year').appendChild(option);
  }
  $('year').value = String(location().year || thisYear);
  $('year').addEventListener('change', function () {
    // A unit code may mean another unit, or none, in the other map: each year starts at home.
    go(Number($('year').value), home());
  });
  $('lang-vi').addEventListener('click', function () { state.language = 'vi'; sessionStorage.setItem(LANGUAGE_KEY, 'vi'); render(); });
  $('lang-en').addEventListener('click', function () { state.language = 'en'; sessionStorage.setItem(LANGUAGE_KEY, 'en'); render(); });
  $('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    if (state.following) { state.following.abort(); state.following = null; }
    state.me = null;
    state.page = null;
    showSignIn(null);
  });
  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    signIn($('token').value.trim());
  });
  $('download-xlsx').addEventListener('click', downloadReport);
  document.querySelectorAll('#children th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.sort = { key: key, descending: state.sort.key === key ? !state.sort.descending : true };
      render();
    });
  });
  window.addEventListener('hashchange', load);

  render();
  if (token()) {
    signIn(token());
  } else {
    showSignIn(null);
  }
}());

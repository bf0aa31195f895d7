// Reading aids (适老化 / 无障碍), built into every page: text size up to 200 %, high contrast, a
// large cursor, a reading guide, read aloud with the browser's own speech synthesis, a plain-text
// view, print. No outside script, no server: settings are kept in localStorage, so they follow the
// reader from page to page, from a web server or from disk. The toolbar's labels are in the page
// (rendered in its language); this script only wires them up.
(function () {
  'use strict';
  var KEY = 'gazette-reading';
  var SIZES = ['100', '125', '150', '200'];
  var root = document.documentElement;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function save(s) {
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch (e) {
      // Storage refused (private mode, a locked-down browser): the settings hold for this page only.
    }
  }

  var settings = load();

  // Applied before the page is drawn (this script is read in the head), so a reader who needs large
  // type never sees the small one first.
  function apply() {
    var size = SIZES.indexOf(settings.text) > 0 ? settings.text : null;
    if (size) root.setAttribute('data-text', size); else root.removeAttribute('data-text');
    ['contrast', 'cursor', 'guide', 'plain'].forEach(function (k) {
      if (settings[k]) root.setAttribute('data-' + k, 'on'); else root.removeAttribute('data-' + k);
    });
  }
  apply();

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  ready(function () {
    var bar = document.querySelector('[data-reading]');
    if (!bar) return;
    var panel = bar.querySelector('.reading-tools');
    var toggle = bar.querySelector('.reading-toggle');
    var status = bar.querySelector('.reading-status');
    bar.hidden = false;
    document.querySelectorAll('[data-reading-inline]').forEach(function (el) { el.hidden = false; });

    function say(text) {
      status.textContent = text;
    }

    function showOpen() {
      var open = !!settings.open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      panel.hidden = !open;
    }
    showOpen();
    toggle.addEventListener('click', function () {
      settings.open = !settings.open;
      save(settings);
      showOpen();
    });

    function showPressed() {
      var size = settings.text || '100';
      document.querySelectorAll('button[data-text]').forEach(function (b) {
        b.setAttribute('aria-pressed', b.getAttribute('data-text') === size ? 'true' : 'false');
      });
      bar.querySelectorAll('button[data-toggle]').forEach(function (b) {
        b.setAttribute('aria-pressed', settings[b.getAttribute('data-toggle')] ? 'true' : 'false');
      });
    }
    showPressed();

    document.querySelectorAll('button[data-text]').forEach(function (b) {
      b.addEventListener('click', function () {
        settings.text = b.getAttribute('data-text');
        save(settings);
        apply();
        showPressed();
      });
    });
    bar.querySelectorAll('button[data-toggle]').forEach(function (b) {
      b.addEventListener('click', function () {
        var k = b.getAttribute('data-toggle');
        settings[k] = !settings[k];
        save(settings);
        apply();
        showPressed();
      });
    });
    bar.querySelector('[data-action=reset]').addEventListener('click', function () {
      stop();
      settings = { open: settings.open };
      save(settings);
      apply();
      showPressed();
    });
    document.querySelectorAll('[data-action=print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });

    // The reading guide: a band that follows the pointer down the page.
    var guide = document.createElement('div');
    guide.className = 'reading-guide';
    guide.setAttribute('aria-hidden', 'true');
    document.body.appendChild(guide);
    document.addEventListener('pointermove', function (e) {
      guide.style.top = (e.clientY - 2) + 'px';
    }, { passive: true });

    // Read aloud: the selected text, or else the article (or the page's main part), sentence by
    // sentence, the sentence being read highlighted; pause, resume, stop.
    var speakButton = bar.querySelector('[data-action=speak]');
    var stopButton = bar.querySelector('[data-action=stop]');
    var synth = window.speechSynthesis;
    var lang = root.getAttribute('lang') || 'zh-CN';
    var queue = [];
    var state = 'idle';

    function setState(s) {
      state = s;
      speakButton.textContent = bar.getAttribute(s === 'speaking' ? 'data-label-pause' : s === 'paused' ? 'data-label-resume' : 'data-label-speak');
      speakButton.setAttribute('aria-pressed', s === 'idle' ? 'false' : 'true');
      stopButton.disabled = s === 'idle';
    }

    // The text under root as sentences, each with the Range it covers (to highlight it).
    function sentences(container, range) {
      var nodes = [];
      var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          var p = n.parentElement;
          // What a reader hears is the text: not the page's buttons, hidden parts, drawings or chart data.
          if (!p || p.closest('script, style, button, [hidden], .visually-hidden, .reading-inline, svg, [aria-hidden=true], .chart-data')) return NodeFilter.FILTER_REJECT;
          if (range && !range.intersectsNode(n)) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_ACCEPT;
        }
      });
      var text = '';
      for (var n = walker.nextNode(); n; n = walker.nextNode()) {
        var from = range && n === range.startContainer ? range.startOffset : 0;
        var to = range && n === range.endContainer ? range.endOffset : n.data.length;
        nodes.push({ node: n, at: text.length, from: from });
        text += n.data.substring(from, to);
      }
      var out = [];
      var from = 0;
      for (var i = 0; i <= text.length; i++) {
        var c = text.charAt(i);
        // A sentence ends at 。！？；, at ! ? ; and at a full stop followed by a space (not in 2.656 or No.1),
        // with the closing quotes after them; a line break ends what it breaks.
        var end = i === text.length || c === '\n' || '。！？；!?;'.indexOf(c) >= 0 || (c === '.' && /\s/.test(text.charAt(i + 1) || ' '));
        if (!end) continue;
        var stop = i === text.length ? i : i + 1;
        while ('”’」』)）"\''.indexOf(text.charAt(stop)) >= 0 && stop < text.length) stop++;
        var piece = text.substring(from, stop);
        if (piece.trim()) {
          var r = document.createRange();
          place(r, nodes, from + (piece.length - piece.replace(/^\s+/, '').length), true);
          place(r, nodes, from + piece.replace(/\s+$/, '').length, false);
          out.push({ text: piece.trim(), range: r });
        }
        if (i === text.length) break;
        from = stop;
        i = stop - 1;
      }
      return out;
    }

    function place(r, nodes, offset, start) {
      for (var i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i].at <= offset) {
          var o = nodes[i].from + offset - nodes[i].at;
          o = Math.min(o, nodes[i].node.data.length);
          if (start) r.setStart(nodes[i].node, o); else r.setEnd(nodes[i].node, o);
          return;
        }
      }
    }

    function highlight(range) {
      if (window.CSS && CSS.highlights && window.Highlight) {
        if (range) CSS.highlights.set('gazette-reading', new Highlight(range));
        else CSS.highlights.delete('gazette-reading');
      }
    }

    function voiceFor(voices) {
      var want = lang.toLowerCase().split('-')[0];
      for (var i = 0; i < voices.length; i++) {
        if ((voices[i].lang || '').toLowerCase().replace('_', '-').split('-')[0] === want) return voices[i];
      }
      return null;
    }

    function withVoices(fn) {
      var voices = synth.getVoices();
      if (voices.length) { fn(voices); return; }
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        fn(synth.getVoices());
      };
      synth.addEventListener('voiceschanged', finish, { once: true });
      setTimeout(finish, 1500);
    }

    function next() {
      if (state === 'idle') return;
      var s = queue.shift();
      if (!s) {
        stop();
        say(bar.getAttribute('data-msg-done'));
        return;
      }
      highlight(s.range);
      var u = new SpeechSynthesisUtterance(s.text);
      u.lang = lang;
      if (next.voice) u.voice = next.voice;
      u.onend = next;
      u.onerror = function () { stop(); };
      synth.speak(u);
    }

    function stop() {
      if (synth && state !== 'idle') synth.cancel();
      queue = [];
      highlight(null);
      setState('idle');
    }

    function start() {
      if (!synth || !window.SpeechSynthesisUtterance) {
        say(bar.getAttribute('data-msg-unsupported'));
        return;
      }
      var selection = window.getSelection();
      var range = selection && selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
      var container = range ? range.commonAncestorContainer : document.querySelector('article.story') || document.querySelector('main');
      if (container.nodeType !== 1) container = container.parentElement;
      queue = sentences(container, range);
      if (!queue.length) return;
      withVoices(function (voices) {
        var voice = voiceFor(voices);
        if (!voice) {
          queue = [];
          say(bar.getAttribute('data-msg-no-voice'));
          return;
        }
        next.voice = voice;
        say(bar.getAttribute('data-msg-reading'));
        setState('speaking');
        next();
      });
    }

    setState('idle');
    speakButton.addEventListener('click', function () {
      if (state === 'idle') start();
      else if (state === 'speaking') { synth.pause(); setState('paused'); }
      else { synth.resume(); setState('speaking'); }
    });
    stopButton.addEventListener('click', stop);
    window.addEventListener('pagehide', stop);
  });
})();

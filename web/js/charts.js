// charts — ECharts for dashboards, loaded on first use from /vendor/echarts.min.js
// (the server maps that URL to web/node_modules/echarts/dist/echarts.min.js).
//
//   loadECharts() → Promise<echarts>          the global echarts object, loaded once
//   chart(el, option) → Promise<instance>     init (SVG renderer) + setOption, resizes with the window
//
// ECharts sets inline element styles, which the CSP allows (style-src 'unsafe-inline'); it needs no eval.

let loading = null;

export function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/vendor/echarts.min.js';
      s.async = true;
      s.onload = () => (window.echarts ? resolve(window.echarts) : reject(new Error('echarts did not load')));
      s.onerror = () => { loading = null; reject(new Error('echarts did not load')); };
      document.head.appendChild(s);
    });
  }
  return loading;
}

export async function chart(el, option) {
  const echarts = await loadECharts();
  const inst = echarts.init(el, null, { renderer: 'svg' });
  inst.setOption(option);
  const ro = new ResizeObserver(() => {
    if (!el.isConnected) { ro.disconnect(); inst.dispose(); return; }
    inst.resize();
  });
  ro.observe(el);
  return inst;
}

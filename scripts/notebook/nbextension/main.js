// campaign-lab's extension for the classic Jupyter Notebook (6.x): draws outputs of type
// application/vnd.vegalite.v5+json (what displayChart publishes, beside a PNG and a text line) as live,
// interactive Vega views with tooltips, using the vega, vega-lite and vega-embed builds copied next to
// this file by scripts/setup.mjs from the project's node_modules. No network: nothing comes from a CDN.
// JupyterLab and VS Code render the same MIME type themselves; GitHub and nbviewer show the PNG.
define(['require', 'base/js/namespace', 'notebook/js/outputarea'], function (localRequire, Jupyter, outputarea) {
  'use strict';
  var MIME = 'application/vnd.vegalite.v5+json';
  // vega-embed's UMD build asks for the modules 'vega' and 'vega-lite' by name; they are the files next
  // to this one (toUrl resolves them through the notebook's own path for nbextensions/).
  // (toUrl appends the notebook's cache-busting query, which requirejs would put before `.js`: cut it.)
  function here(name) { return localRequire.toUrl('./' + name).split('?')[0]; }
  requirejs.config({ paths: { vega: here('vega.min'), 'vega-lite': here('vega-lite.min'), 'vega-embed': here('vega-embed.min') } });
  var OPTIONS = { renderer: 'svg', tooltip: { theme: 'light' }, actions: { export: true, source: false, compiled: false, editor: false } };

  function appendVegaLite(data, metadata, element) {
    var subarea = this.create_output_subarea(metadata, 'output_vegalite campaign-lab-vega', MIME);
    var target = document.createElement('div');
    target.className = 'campaign-lab-vega-view';
    subarea.append(target);
    element.append(subarea);
    require(['vega-embed'], function (vegaEmbed) {
      var embed = vegaEmbed.default || vegaEmbed;
      embed(target, data, OPTIONS).then(
        function () { target.setAttribute('data-rendered', 'true'); },
        function (error) { target.textContent = 'The chart could not be drawn: ' + error.message; console.error(error); },
      );
    }, function (error) {
      target.textContent = 'The chart libraries could not be loaded: ' + error.message;
    });
    return subarea;
  }

  /** Outputs drawn before the extension loaded (saved notebooks) are drawn again with it. */
  function redrawSavedOutputs() {
    Jupyter.notebook.get_cells().forEach(function (cell) {
      var area = cell.output_area;
      if (!area || !area.outputs || !area.outputs.some(function (o) { return o.data && o.data[MIME]; })) return;
      var outputs = area.toJSON();
      area.clear_output(false, true);
      area.fromJSON(outputs);
    });
  }

  function load_ipython_extension() {
    outputarea.OutputArea.prototype.register_mime_type(MIME, appendVegaLite, { safe: true, index: 0 });
    if (Jupyter.notebook && Jupyter.notebook._fully_loaded) redrawSavedOutputs();
    else Jupyter.notebook.events.one('notebook_loaded.Notebook', redrawSavedOutputs);
  }

  return { load_ipython_extension: load_ipython_extension };
});

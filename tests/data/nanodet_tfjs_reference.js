// Writes tests/data/nanodet_tfjs_reference.json: what TensorFlow.js (pure-JS CPU backend, the
// independent runtime) computes for the NanoDet model on a synthetic input, to cross-check our
// importer (tests/unit/photo/tst_nanodet_importer.cpp). Test tooling only, run by hand:
//   mkdir /tmp/tfjs && cd /tmp/tfjs && npm install @tensorflow/tfjs-core@4.22.0 \
//     @tensorflow/tfjs-backend-cpu@4.22.0 @tensorflow/tfjs-converter@4.22.0
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/nanodet_tfjs_reference.js build/models \
//     > tests/data/nanodet_tfjs_reference.json
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');
const fs = require('fs');

(async () => {
  await tf.setBackend('cpu');
  const dir = process.argv[2];
  const json = JSON.parse(fs.readFileSync(dir + '/nanodet.json'));
  const bin = fs.readFileSync(dir + '/nanodet.bin');
  const model = await converter.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length)}));
  // The same formula as the C++ test: 2 sin(0.37 i), rounded to float32.
  const input = new Float32Array(3 * 416 * 416);
  for (let i = 0; i < input.length; ++i) input[i] = 2 * Math.sin(0.37 * i);
  const names = Object.values(json.signature.outputs).map(o => o.name.split(':')[0]).sort();
  const outputs = await model.executeAsync(tf.tensor(input, [1, 3, 416, 416]), names.map(n => n + ':0'));
  const result = {about: 'TensorFlow.js 4.22 (cpu backend) outputs of nanodet.json for input[i] = float(2 sin(0.37 i)), ' +
                         'NCHW 1x3x416x416: per output (signature order, sorted by name) its shape, sum, ' +
                         'and the values at indices (k * 7919) mod size, k = 0..31. Made by nanodet_tfjs_reference.js.',
                  outputs: []};
  names.forEach((name, o) => {
    const values = outputs[o].dataSync();
    let sum = 0;
    for (const v of values) sum += v;
    const samples = [];
    for (let k = 0; k < 32; ++k) samples.push(values[(k * 7919) % values.length]);
    result.outputs.push({name, shape: outputs[o].shape, sum, samples});
  });
  console.log(JSON.stringify(result, null, 1));
})();

// Writes tests/data/<model>_tfjs_reference.json: what TensorFlow.js (pure-JS CPU backend, the
// independent runtime) computes for a model of the pinned package on a synthetic input, to
// cross-check our importer (tests/unit/photo/tst_nanodet_importer.cpp, tst_tfjs_mobile_ops.cpp,
// tst_posenet_person_detector.cpp).
// Test tooling only, run by hand:
//   mkdir /tmp/tfjs && cd /tmp/tfjs && npm install @tensorflow/tfjs-core@4.22.0 \
//     @tensorflow/tfjs-backend-cpu@4.22.0 @tensorflow/tfjs-converter@4.22.0
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/tfjs_reference.js build/models nanodet 1,3,416,416 \
//     > tests/data/nanodet_tfjs_reference.json
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/tfjs_reference.js build/models centernet 1,512,512,3 \
//     tower_0/keypoints,tower_0/wh > tests/data/centernet_tfjs_reference.json
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/tfjs_reference.js build/models blazeface 1,256,256,3 \
//     > tests/data/blazeface_tfjs_reference.json
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/tfjs_reference.js build/models posenet 1,385,385,3 \
//     MobilenetV1/heatmap_2/BiasAdd > tests/data/posenet_tfjs_reference.json
// The outputs default to every output of the model's signature (or, without one, of its
// topology's sinks), sorted by name.
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');
const fs = require('fs');

(async () => {
  await tf.setBackend('cpu');
  const [dir, modelName, shapeText, outputsText] = process.argv.slice(2);
  const json = JSON.parse(fs.readFileSync(`${dir}/${modelName}.json`));
  const bin = fs.readFileSync(`${dir}/${modelName}.bin`);
  const model = await converter.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length)}));
  const shape = shapeText.split(',').map(Number);
  // The same formula as the C++ tests: 2 sin(0.37 i), rounded to float32.
  const input = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < input.length; ++i) input[i] = 2 * Math.sin(0.37 * i);
  const names = outputsText ? outputsText.split(',').sort() : model.outputNodes.map(n => n.split(':')[0]).sort();
  // One named output comes back as a tensor, several as an array.
  const outputs = [].concat(await model.executeAsync(tf.tensor(input, shape), names.map(n => n + ':0')));
  const result = {about: `TensorFlow.js 4.22 (cpu backend) outputs of ${modelName}.json for input[i] = float(2 sin(0.37 i)), ` +
                         `${shapeText.replace(/,/g, 'x')}: per output (sorted by name) its shape, sum, ` +
                         'and the values at indices (k * 7919) mod size, k = 0..31. Made by tfjs_reference.js.',
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

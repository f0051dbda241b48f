#include "core/photo/PinnedModel.h"

#include "core/photo/RecognizerIdentity.h"

namespace pb::photo {

namespace {

std::optional<std::string> readChecked(const std::string& path, const PinnedModel& model, const char* sha256, std::string* error)
{
    std::optional<std::string> contents = readWholeFile(path);
    if (!contents) {
        *error = std::string("the ") + model.title + " model file " + path + " is missing or unreadable (scripts/fetch-model.sh installs it)";
        return std::nullopt;
    }
    const std::string actual = sha256Hex(*contents);
    if (actual != sha256) {
        *error = std::string("the ") + model.title + " model file " + path + " has SHA-256 " + actual + ", not the pinned " + sha256 +
                 " (altered or another version; scripts/fetch-model.sh installs the right one)";
        return std::nullopt;
    }
    return contents;
}

} // namespace

std::optional<TfjsGraph> loadPinnedModel(const std::string& dir, const PinnedModel& model, std::string* error,
                                         const std::vector<std::string>& outputs)
{
    const std::string base = dir + "/" + model.name;
    const std::optional<std::string> json = readChecked(base + ".json", model, model.jsonSha256, error);
    if (!json) return std::nullopt;
    const std::optional<std::string> weights = readChecked(base + ".bin", model, model.binSha256, error);
    if (!weights) return std::nullopt;
    std::optional<TfjsGraph> graph = parseTfjsGraph(*json, *weights, error, outputs);
    if (!graph) *error = std::string("the ") + model.title + " model cannot be imported: " + *error;
    return graph;
}

} // namespace pb::photo

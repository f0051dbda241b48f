#pragma once
// Builds a recognizer identity: every input that can change an answer, one `key=value` line
// each, hashed with SHA-256. Doubles are written with 17 significant digits so that any change
// of a parameter changes the identity.
#include <optional>
#include <string>

namespace pb::photo {

class RecognizerIdentity {
public:
    explicit RecognizerIdentity(const std::string& kind);  // also records the OpenCV version

    void add(const std::string& key, const std::string& value);
    void add(const std::string& key, double value);
    void addFileHash(const std::string& key, const std::string& contents);

    std::string hexDigest() const;

private:
    std::string text_;
};

std::string sha256Hex(const std::string& contents);
// The whole file, or nullopt when it cannot be read.
std::optional<std::string> readWholeFile(const std::string& path);

} // namespace pb::photo

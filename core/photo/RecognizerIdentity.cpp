#include "core/photo/RecognizerIdentity.h"

#include "core/crypto/Sha256.h"

#include <opencv2/core/utility.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace pb::photo {

std::string sha256Hex(const std::string& contents)
{
    return toHex(crypto::sha256(reinterpret_cast<const uint8_t*>(contents.data()), contents.size()));
}

std::optional<std::string> readWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return std::nullopt;
    return contents;
}

RecognizerIdentity::RecognizerIdentity(const std::string& kind)
{
    add("recognizer", kind);
    add("opencv", cv::getVersionString());
}

void RecognizerIdentity::add(const std::string& key, const std::string& value) { text_ += key + "=" + value + "\n"; }

void RecognizerIdentity::add(const std::string& key, double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    add(key, std::string(text));
}

void RecognizerIdentity::addFileHash(const std::string& key, const std::string& contents)
{
    add(key + ".sha256", sha256Hex(contents));
}

std::string RecognizerIdentity::hexDigest() const { return sha256Hex(text_); }

} // namespace pb::photo

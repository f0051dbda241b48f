#pragma once
// Why a photo was refused. Each reason has a stable machine name (JSON, logs, peers' reject
// messages) beside the human message that the decoder or recognizer writes.
#include <string_view>

namespace pb::photo {

enum class PhotoError {
    None,
    Empty,             // zero bytes
    TooLarge,          // more bytes than the cap
    UnsupportedType,   // not JPEG or PNG by its magic bytes
    Truncated,         // the file ends before its image data does
    Corrupt,           // structure or pixel data the decoder cannot use
    TooManyPixels,     // header dimensions over the pixel or side limit (decompression bomb)
    TooSmall,          // a side shorter than the minimum the recognizer can use
    FileUnreadable,    // the file could not be read from disk
    RecognizerFailed,  // the recognizer itself failed on a decoded photo
};

// Stable snake_case name, e.g. "too_many_pixels".
std::string_view photoErrorName(PhotoError error);

} // namespace pb::photo

#include "core/photo/PhotoError.h"

namespace pb::photo {

std::string_view photoErrorName(PhotoError error)
{
    switch (error) {
    case PhotoError::None: return "none";
    case PhotoError::Empty: return "empty";
    case PhotoError::TooLarge: return "too_large";
    case PhotoError::UnsupportedType: return "unsupported_type";
    case PhotoError::Truncated: return "truncated";
    case PhotoError::Corrupt: return "corrupt";
    case PhotoError::TooManyPixels: return "too_many_pixels";
    case PhotoError::TooSmall: return "too_small";
    case PhotoError::FileUnreadable: return "file_unreadable";
    case PhotoError::RecognizerFailed: return "recognizer_failed";
    }
    return "unknown";
}

} // namespace pb::photo

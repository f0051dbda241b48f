#pragma once
// A strict reader for multipart/form-data bodies (RFC 7578): the boundary from the
// Content-Type, every part delimited by it, each with a Content-Disposition naming the field
// and optionally a Content-Type, nothing else. Anything off is a precise 400; a part over its
// cap is 413. Parts are copied out whole, so the caller may drop the body afterwards.
#include "core/api/ApiError.h"

#include <QList>

namespace pb::api {

struct FormPart {
    QString name;
    QString filename;          // empty for a plain field
    QByteArray contentType;    // empty when the part named none
    QByteArray data;
};

struct FormLimits {
    qsizetype maxParts = 8;
    qsizetype maxFileBytes = 0;   // a part with a filename
    qsizetype maxFieldBytes = 0;  // a part without one
};

// Nullopt when the Content-Type is not multipart/form-data at all.
std::optional<std::variant<QList<FormPart>, ApiError>> parseMultipartForm(const QByteArray& contentType, const QByteArray& body,
                                                                          const FormLimits& limits);

} // namespace pb::api

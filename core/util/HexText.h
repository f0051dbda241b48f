#pragma once
// Hex as text for logs, JSON and the GUI (QString), beside Bytes.h's std::string toHex.
#include "core/util/Bytes.h"

#include <QString>

namespace pb {

template <size_t N>
QString hexText(const std::array<uint8_t, N>& bytes) { return QString::fromStdString(toHex(bytes)); }
inline QString hexText(const Bytes& bytes) { return QString::fromStdString(toHex(bytes)); }

} // namespace pb

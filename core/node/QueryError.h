#pragma once
// Why a query or command through the Node interface gave no answer: the kind decides the HTTP
// status (core/api/ApiError), the message is for people, the code for programs.
#include <QString>

namespace pb {

struct QueryError {
    // Full: a queue (or the caller's share of it) is full; the same request may succeed later.
    enum Kind { Malformed, NotFound, Conflict, Unavailable, Full };
    Kind kind = NotFound;
    QString message;
    QString code = {};  // a precise snake_case reason where one exists (a refused transfer's "nonce_gap")
};

} // namespace pb

#pragma once
// A pool of expensive, non-thread-safe objects (cascade classifiers, dnn nets): each thread
// borrows one for a call and gives it back, and the pool grows to the number of concurrent
// callers. OpenCV's detectMultiScale and Net::forward keep per-call state in the object.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace pb::photo {

template <typename T>
class ObjectPool {
public:
    using Factory = std::function<std::unique_ptr<T>()>;

    explicit ObjectPool(Factory factory) : factory_(std::move(factory)) {}

    class Lease {
    public:
        Lease(ObjectPool& pool, std::unique_ptr<T> object) : pool_(pool), object_(std::move(object)) {}
        ~Lease() { pool_.giveBack(std::move(object_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        T& operator*() const { return *object_; }
        T* operator->() const { return object_.get(); }

    private:
        ObjectPool& pool_;
        std::unique_ptr<T> object_;
    };

    // May throw whatever the factory throws.
    Lease borrow()
    {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                std::unique_ptr<T> object = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(object));
            }
        }
        return Lease(*this, factory_());
    }

private:
    void giveBack(std::unique_ptr<T> object)
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(object));
    }

    Factory factory_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<T>> idle_;
};

} // namespace pb::photo

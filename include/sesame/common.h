/**
 * @file sesame/common.h
 * @brief Export macro, C/C++ declaration guards and attributes shared by every Sesame header.
 *
 * This header contains no function. It is included by every other public header.
 */
#ifndef SESAME_COMMON_H
#define SESAME_COMMON_H

#ifndef SESAME_FFI_GENERATE
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#endif

#ifdef SESAME_FFI_GENERATE
/* Generating ffi/sesame_ffi.h: every attribute disappears so that PHP FFI and cffi can parse it. */
#define SESAME_API
#define SESAME_NODISCARD
#define SESAME_NOEXCEPT
#define SESAME_DEPRECATED(msg)
#define SESAME_BEGIN_DECL
#define SESAME_END_DECL
#else

/** SESAME_API marks an exported function (hidden visibility is the default for everything else). */
#if defined(SESAME_STATIC)
#define SESAME_API
#elif defined(_WIN32)
#if defined(SESAME_BUILDING_LIBRARY)
#define SESAME_API __declspec(dllexport)
#else
#define SESAME_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define SESAME_API __attribute__((visibility("default")))
#else
#define SESAME_API
#endif

/** The result of a function marked SESAME_NODISCARD must be checked. */
#if defined(__GNUC__) || defined(__clang__)
#define SESAME_NODISCARD __attribute__((warn_unused_result))
#define SESAME_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#define SESAME_NODISCARD _Check_return_
#define SESAME_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#define SESAME_NODISCARD
#define SESAME_DEPRECATED(msg)
#endif

/** Every Sesame function is noexcept when seen from C++ (no exception ever crosses the ABI). */
#ifdef __cplusplus
#define SESAME_NOEXCEPT noexcept
#define SESAME_BEGIN_DECL extern "C" {
#define SESAME_END_DECL }
#else
#define SESAME_NOEXCEPT
#define SESAME_BEGIN_DECL
#define SESAME_END_DECL
#endif

#endif /* SESAME_FFI_GENERATE */

#endif /* SESAME_COMMON_H */

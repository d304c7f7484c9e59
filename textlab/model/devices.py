"""Which devices this machine has, and resolving a requested one."""

from __future__ import annotations

import torch

from textlab.errors import DeviceError

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def available_devices() -> list[str]:
    """Devices that can run a model now; ``cpu`` is always first."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    if _mps_available():
        devices.append("mps")
    return devices


def unavailable_reason(device: str) -> str | None:
    """Translation key explaining why ``device`` is missing, or None when it is present."""
    if device in ("auto", *available_devices()):
        return None
    if device == "cuda":
        return "device.cuda_not_built" if not torch.backends.cuda.is_built() else "device.no_gpu"
    if device == "mps":
        return "device.no_mps"
    return "device.unknown"


def resolve_device(device: str) -> torch.device:
    """``auto`` picks cuda, then mps, then cpu; an absent device raises DeviceError naming those present."""
    present = available_devices()
    if device == "auto":
        return torch.device(present[-1] if "cuda" not in present else "cuda")
    if device not in present:
        raise DeviceError("device.missing", device=device, available=", ".join(present))
    return torch.device(device)

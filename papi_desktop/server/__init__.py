"""The province hub: network sync over the same import code as a USB stick (Starlette on uvicorn)."""

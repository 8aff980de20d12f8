"""Where uploaded media live, read from the environment for base.py:
MEDIA_ROOT on this machine's disk, or S3-compatible object storage
(django-storages) when a bucket is named (docs/deployment.md)."""

import os


def object_storage():
    """The default storage's settings for the bucket in AWS_STORAGE_BUCKET_NAME,
    and the MEDIA_URL its custom domain gives (None when MEDIA_URL is set or
    there is no custom domain); (None, None) without a bucket.

    Credentials come from boto3's own variables (AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY) or the machine's role. No signed URLs, since
    cached pages outlive them, and no ACL on the files: the bucket's policy
    makes images public and keeps documents/ private, which Django's
    document view serves after checking privacy.
    """
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return None, None
    domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": domain,
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    media_url = (
        f"https://{domain}/" if domain and not os.environ.get("MEDIA_URL") else None
    )
    return storage, media_url

packer {
  required_version = ">= 1.12.0"
  required_plugins {
    docker = {
      source  = "github.com/hashicorp/docker"
      version = ">= 1.1.0"
    }
  }
}

variable "base_image" {
  type        = string
  default     = "kiln/debian:bookworm"
  description = "Image the build starts from."
}

variable "app_name" {
  type    = string
  default = "hello-kiln"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.app_name))
    error_message = "The app_name must be lower-case letters, digits and dashes."
  }
}

variable "version_tags" {
  type    = list(string)
  default = ["1.0", "latest"]
}

locals {
  repository = "kiln/${var.app_name}"
  image_tags = [for t in var.version_tags : "${local.repository}:${t}"]
  labels = {
    "org.opencontainers.image.title"   = var.app_name
    "org.opencontainers.image.version" = var.version_tags[0]
  }
}

source "docker" "app" {
  image  = var.base_image
  commit = true
  changes = concat(
    ["WORKDIR /srv/app", "CMD [\"/srv/app/hello.sh\"]"],
    [for k, v in local.labels : "LABEL ${k}=${v}"],
  )
}

build {
  name    = "quickstart"
  sources = ["source.docker.app"]

  provisioner "shell" {
    inline = [
      "mkdir -p /srv/app",
      "echo 'built by Kiln' > /srv/app/BUILD_INFO",
    ]
  }

  provisioner "file" {
    source      = "${path.root}/files/hello.sh"
    destination = "/srv/app/hello.sh"
  }

  provisioner "shell" {
    inline = ["chmod 0755 /srv/app/hello.sh"]
  }

  post-processors {
    post-processor "docker-tag" {
      repository = local.repository
      tags       = var.version_tags
    }
    post-processor "manifest" {
      output     = "${path.root}/manifest.json"
      strip_path = true
    }
  }
}

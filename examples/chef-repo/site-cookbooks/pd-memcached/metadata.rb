name             'pd-memcached'
maintainer       'proofbox examples'
maintainer_email 'cookbooks@example.com'
license          'Apache-2.0'
description      "This site's memcached: the community cookbook with our sizes"
version          '0.3.1'
chef_version     '>= 16.0'
supports         'debian'

depends 'memcached', '~> 2.1'

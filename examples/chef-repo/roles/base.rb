# Every node's first role (nested in the others): the base cookbook and the site's motd.
name 'base'
description 'What every node gets'
run_list 'recipe[base]'
default_attributes(
  'base' => { 'motd' => 'Managed by Chef (proofbox example repo)' }
)
